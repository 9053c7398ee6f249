#include "analysis/contentdiff.h"

#include "archive/archivesource.h"
#include "archive/imagearchive.h"
#include "common/paths.h"
#include "tree/layerindexer.h"

#include <QCryptographicHash>

#include <archive.h>
#include <archive_entry.h>

#include <map>
#include <string>
#include <unordered_map>

namespace strata {

namespace {
using Digest = QByteArray; // SHA-256; empty when the file was not found

// The files to hash on one side: for each layer blob, path → slot in the digest list.
class SideHasher
{
public:
    SideHasher(const ImageArchive &archive, int image)
        : m_archive(archive), m_info(archive.images().at(size_t(image)))
    {
    }

    size_t request(uint16_t layer, std::string path)
    {
        const size_t slot = m_digests.size();
        m_digests.emplace_back();
        if (layer < m_info.layers.size())
            m_wanted[m_info.layers[layer].member.toStdString()].emplace(std::move(path), slot);
        return slot;
    }

    int layerCount() const { return int(m_wanted.size()); }
    const Digest &digest(size_t slot) const { return m_digests[slot]; }

    // Streams every layer that holds a requested file once; identical blobs are one member.
    bool run(const ContentObserver &observer, int *layersDone, int layerCount, Error *error)
    {
        if (m_wanted.empty())
            return true;
        // A source of our own: ImageArchive keeps its own private, and reading here must not
        // disturb a model that reads through it.
        std::unique_ptr<ArchiveSource> source = ArchiveSource::open(m_archive.path(), error);
        if (!source)
            return false;
        std::vector<const ArchiveMember *> members;
        std::unordered_map<const ArchiveMember *, const std::unordered_map<std::string, size_t> *>
            byMember;
        for (const auto &[name, files] : m_wanted) {
            const ArchiveMember *member = source->resolve(name);
            if (!member) {
                *error = Error::make(Error::Kind::MissingMember, m_archive.path(),
                                     QStringLiteral("the layer blob is not in the archive"),
                                     QString::fromStdString(name));
                return false;
            }
            if (byMember.emplace(member, &files).second)
                members.push_back(member);
        }
        return source->streamMembers(
                   members,
                   [&](const ArchiveMember &member, ByteSource &stream) {
                       const bool ok = hashLayer(stream, *byMember.at(&member), observer.cancel,
                                                 QString::fromStdString(member.name), error);
                       ++*layersDone;
                       if (observer.progress)
                           observer.progress(*layersDone, layerCount);
                       return ok;
                   },
                   error) &&
               !error->isError();
    }

private:
    bool hashLayer(ByteSource &stream, const std::unordered_map<std::string, size_t> &files,
                   const std::atomic_bool *cancel, const QString &member, Error *error)
    {
        QString openError;
        struct archive *a = openArchiveReader(&stream, &openError);
        if (!a) {
            *error = Error::make(Error::Kind::DamagedLayer, m_archive.path(), openError, member);
            return false;
        }
        std::string path;
        std::vector<char> buffer(1 << 16);
        struct archive_entry *entry = nullptr;
        bool ok = true;
        for (;;) {
            if (cancel && cancel->load()) {
                *error = Error::make(Error::Kind::Cancelled, m_archive.path(),
                                     QStringLiteral("the content comparison was cancelled"));
                ok = false;
                break;
            }
            const int status = archive_read_next_header(a, &entry);
            if (status == ARCHIVE_EOF)
                break;
            if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
                *error = Error::make(Error::Kind::DamagedLayer, m_archive.path(),
                                     QString::fromUtf8(archive_error_string(a)), member);
                ok = false;
                break;
            }
            const char *name = archive_entry_pathname(entry);
            if (archive_entry_filetype(entry) != AE_IFREG || !cleanPath(name ? name : "", &path))
                continue;
            const auto it = files.find(path);
            if (it == files.end())
                continue;
            // The last entry of a path wins, as in the merge: a later copy overwrites.
            QCryptographicHash hash(QCryptographicHash::Sha256);
            la_ssize_t got = 0;
            while ((got = archive_read_data(a, buffer.data(), buffer.size())) > 0)
                hash.addData(QByteArrayView(buffer.data(), got));
            if (got < 0) {
                *error = Error::make(Error::Kind::DamagedLayer, m_archive.path(),
                                     QString::fromUtf8(archive_error_string(a)), member);
                ok = false;
                break;
            }
            m_digests[it->second] = hash.result();
        }
        archive_read_free(a);
        return ok;
    }

    const ImageArchive &m_archive;
    const ImageInfo &m_info;
    std::map<std::string, std::unordered_map<std::string, size_t>> m_wanted; // member → files
    std::vector<Digest> m_digests;
};
} // namespace

ContentComparison compareContent(const TreeDiff &diff, const ImageArchive &archiveA, int imageA,
                                 const ImageArchive &archiveB, int imageB,
                                 const ContentObserver &observer)
{
    ContentComparison result;
    SideHasher sideA(archiveA, imageA);
    SideHasher sideB(archiveB, imageB);
    std::vector<std::pair<size_t, size_t>> requested;
    const std::vector<uint32_t> candidates = diff.contentCandidates();
    for (uint32_t index : candidates) {
        const DiffEntry &e = diff.entry(index);
        const std::string path = diff.path(index);
        requested.emplace_back(sideA.request(diff.treeA().node(e.nodeA).layer, path),
                               sideB.request(diff.treeB().node(e.nodeB).layer, path));
    }
    int done = 0;
    const int total = sideA.layerCount() + sideB.layerCount();
    if (!sideA.run(observer, &done, total, &result.error) ||
        !sideB.run(observer, &done, total, &result.error))
        return result;
    for (size_t k = 0; k < candidates.size(); ++k) {
        const Digest &da = sideA.digest(requested[k].first);
        const Digest &db = sideB.digest(requested[k].second);
        if (da.isEmpty() || db.isEmpty())
            continue;
        result.entries.push_back(candidates[k]);
        result.different.push_back(da != db);
    }
    return result;
}

} // namespace strata
