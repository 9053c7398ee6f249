#pragma once

// Checks shared by the archive tests: reading back what writeArchive wrote, with skopeo for
// the image as a whole and with plain digests and JSON for the pieces.

#include "externaltool.h"
#include "imagewriter/imagewriter.h"

#include <QJsonDocument>
#include <QMap>
#include <QMetaType>
#include <QTemporaryDir>

Q_DECLARE_METATYPE(strata::imagewriter::Layout)
Q_DECLARE_METATYPE(strata::imagewriter::Compression)

namespace strata::testing {

QString sha256Hex(const QByteArray &data);
QString hexOf(const QString &digest); // "sha256:<hex>" -> "<hex>"
QJsonDocument jsonOf(const QByteArray &bytes);
QStringList jsonStrings(const QJsonValue &array);
QStringList diffIdsOf(const imagewriter::Image &image);

// The command-line decompressor for an outer compression, and the one a blob's magic bytes
// call for (empty when the blob is not compressed).
QString decompressorFor(imagewriter::Compression compression);
QString decompressorForBytes(const QByteArray &blob);

// Relative path -> bytes ("<dir>", or "-> target" for symlinks) of every file under `root`.
QMap<QString, QByteArray> treeOf(const QString &root);

// skopeo reads the archive as docker-archive:PATH:TAG with the image's layers (DiffIDs),
// platform, Env and exact config bytes. `copy`: also copy it, reading every layer.
// Uses QTest macros: check QTest::currentTestFailed() afterwards.
void checkWithSkopeoDockerArchive(const QString &archive, const QString &tag,
                                  const imagewriter::Image &image, bool copy = true);
// skopeo reads oci-archive:PATH:REF: the manifest names the image's config, the config bytes
// are exact, and a copy verifies every blob's digest and size.
void checkWithSkopeoOciArchive(const QString &archive, const QString &ref,
                               const imagewriter::Image &image, imagewriter::Compression layers);

// Archives written into a temporary directory that lives as long as this object.
class ScratchArchives
{
public:
    // A new file (or directory) holding `images`; empty on failure, with a warning.
    QString write(const std::vector<imagewriter::Image> &images,
                  const imagewriter::WriteOptions &options);
    // The uncompressed archive: `path` itself, or the standard tool's output for it.
    QString plainArchive(const QString &path, imagewriter::Compression outer);
    // `archive` unpacked by tar into a new directory.
    QString extract(const QString &archive);
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
};

} // namespace strata::testing
