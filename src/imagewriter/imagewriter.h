#pragma once

// Writes synthetic container image archives laid out exactly as real tools write them (docker
// save before and after Docker 25, podman/skopeo docker-archive, OCI archives and layouts), so
// tests, benchmarks and the demo can build the images they need instead of shipping blobs.
// Output is deterministic: the same images and options always give the same bytes.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace strata::imagewriter {

// 2024-01-15T10:00:00Z: the mtime of every layer entry unless a test sets another one.
inline constexpr int64_t kFixedMtime = 1705312800;
inline constexpr const char *kFixedCreated = "2024-01-15T10:00:00Z";

// One member of a layer tar. Paths are UTF-8, relative ("etc/passwd", no leading "/"); a
// directory gets its trailing "/" from the tar writer. `mode` holds permission bits only
// (including setuid/setgid/sticky); the type says what kind of file it is.
struct Entry
{
    enum class Type
    {
        File,
        Dir,
        Symlink,
        Hardlink,
        Fifo,
        CharDevice
    };

    Type type = Type::File;
    std::string path;
    QByteArray content;     // File only
    std::string linkTarget; // Symlink: the target as stored; Hardlink: the path of the other entry
    uint32_t mode = 0644;
    uint32_t uid = 0;
    uint32_t gid = 0;
    int64_t mtime = kFixedMtime;
    uint32_t devMajor = 0; // CharDevice only
    uint32_t devMinor = 0;

    static Entry file(std::string path, QByteArray content, uint32_t mode = 0644);
    static Entry dir(std::string path, uint32_t mode = 0755);
    static Entry symlink(std::string path, std::string target);
    static Entry hardlink(std::string path, std::string target, uint32_t mode = 0644);
    static Entry fifo(std::string path, uint32_t mode = 0644);
    static Entry charDevice(std::string path, uint32_t major, uint32_t minor, uint32_t mode = 0666);
    // "a/b" deleted: the empty regular file "a/.wh.b", as Docker and buildkit write it.
    static Entry whiteout(const std::string &path);
    // "a" made opaque (lower layers' contents hidden): the empty file "a/.wh..wh..opq".
    static Entry opaque(const std::string &dir);
};

// Entries are written in the given order; nothing is added or sorted.
struct Layer
{
    std::vector<Entry> entries;
};

// One line of the config's history. Empty steps (ENV, CMD...) have no layer.
struct HistoryStep
{
    QString createdBy;
    bool emptyLayer = false;
    QString created; // RFC 3339; empty means the image's `created`
    QString comment; // buildkit writes "buildkit.dockerfile.v0"
    QString author;
};

struct Image
{
    QStringList tags; // "name:tag" as the user typed it ("nginx:1.25", "example.com/a/b:v1")
    std::vector<Layer> layers;
    // Not checked against `layers`: tests of mismatched histories need that freedom. Empty
    // means the config has no history.
    std::vector<HistoryStep> history;
    QString architecture = QStringLiteral("amd64");
    QString os = QStringLiteral("linux");
    QString created = QString::fromLatin1(kFixedCreated);
    // The runtime config ("config" in the image config): Env, Cmd, Entrypoint, WorkingDir, User,
    // ExposedPorts, Labels, StopSignal...; written with Docker's key order.
    QJsonObject config;
};

enum class Layout
{
    // docker save up to Docker 24: manifest.json, repositories, <v1id>/{VERSION,json,layer.tar},
    // <config-hex>.json; a layer already saved under another id becomes a layer.tar symlink.
    DockerLegacy,
    // docker save before 1.10: no manifest.json and no config file; every history step is a
    // <id>/ directory chained by "parent", empty steps included (with an empty layer.tar).
    DockerLegacyV1,
    // podman save / skopeo copy docker-archive: (containers/image): <diffid-hex>.tar at the root,
    // <chain-id>/layer.tar symlinks to it, <config-hex>.json, repositories, manifest.json.
    PodmanDockerArchive,
    // docker save from Docker 25: an OCI layout (oci-layout, index.json, blobs/sha256/) plus
    // manifest.json pointing into blobs/. Uncompressed layers give the classic image store's
    // output (with repositories and legacy v1 json blobs); compressed layers give the containerd
    // store's (read-only blobs, no repositories).
    Docker25,
    // OCI image layout as containers/image writes it (oci-archive: or oci:): oci-layout,
    // index.json whose entries carry org.opencontainers.image.ref.name, blobs/sha256/.
    OciArchive,
};

enum class Compression
{
    None,
    Gzip,
    Zstd,
    Xz
};

struct WriteOptions
{
    Layout layout = Layout::DockerLegacy;
    // Layer blobs. OCI and Docker25 set the matching layer mediaType; PodmanDockerArchive
    // stores the compressed bytes under the usual <diffid>.tar name, as some archives in the
    // wild do. DockerLegacy and DockerLegacyV1 never compress layers; Xz is never a layer
    // compression.
    Compression layerCompression = Compression::None;
    // The whole archive (docker save | gzip, .tar.xz...). Not with asDirectory.
    Compression outer = Compression::None;
    // Write the same files into a directory (an OCI layout, an unpacked docker save) instead
    // of a tar. The directory is created if needed.
    bool asDirectory = false;
};

// Writes `images` into one archive (several images = a multi-image archive where identical
// layers are stored once). Returns false and sets *error on failure.
bool writeArchive(const QString &path, const std::vector<Image> &images,
                  const WriteOptions &options, QString *error = nullptr);

// The uncompressed layer tar (PAX, ustar where it suffices), as stored or hashed.
QByteArray layerTar(const Layer &layer, QString *error = nullptr);

// "sha256:<hex>" of layerTar(layer): the DiffID in rootfs.diff_ids.
QString diffId(const Layer &layer);

// The image config every layout except DockerLegacyV1 stores, and its digest (the image ID).
QByteArray configJson(const Image &image);
QString imageId(const Image &image);

// `data` compressed with the given filter (None returns it unchanged). Deterministic.
QByteArray compress(const QByteArray &data, Compression compression, QString *error = nullptr);

} // namespace strata::imagewriter
