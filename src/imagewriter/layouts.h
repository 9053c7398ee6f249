#pragma once

// One function per archive layout: the files that layout holds for the prepared images, in
// the order the real tool writes them.

#include "imagewriter/member.h"
#include "imagewriter/preparedimage.h"

#include <QJsonObject>

#include <vector>

namespace strata::imagewriter::detail {

Members dockerLegacyMembers(const std::vector<PreparedImage> &images);
Members dockerLegacyV1Members(const std::vector<PreparedImage> &images);
Members podmanDockerArchiveMembers(const std::vector<PreparedImage> &images);
// `containerdStore`: what Docker's containerd image store writes (compressed layers kept).
Members docker25Members(const std::vector<PreparedImage> &images, bool containerdStore);
Members ociLayoutMembers(const std::vector<PreparedImage> &images);

// The "repositories" file: {"name": {"tag": id}} for every tag of every image.
class RepositoriesFile
{
public:
    void add(const QStringList &tags, const QString &id);
    bool isEmpty() const { return m_repos.isEmpty(); }
    QByteArray toJson() const;

private:
    QJsonObject m_repos;
};

// Tags in familiar "name:tag" form, as manifest.json's RepoTags lists them.
QStringList repoTags(const Image &image);

} // namespace strata::imagewriter::detail
