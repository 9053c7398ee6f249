#include "wastefulimage.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QtDebug>

namespace strata::testing {

namespace iw = imagewriter;
using iw::Entry;

namespace {

QByteArray readHostFile(const QString &path)
{
    QFile file(QFileInfo(path).canonicalFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning() << "cannot read" << path << "of this machine";
        return {};
    }
    return file.readAll();
}

iw::Layer baseLayer(const HostProgram &host)
{
    return iw::Layer{{
        Entry::dir("lib"),
        Entry::dir("lib/x86_64-linux-gnu"),
        Entry::file("lib/x86_64-linux-gnu/libc.so.6", host.libc, 0755),
        Entry::file("lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", host.loader, 0755),
        Entry::dir("lib64"),
        Entry::symlink("lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
        Entry::dir("tmp", 01777),
        Entry::dir("var"),
        Entry::dir("var/log"),
        Entry::file("var/log/alternatives.log", QByteArray(kBaseLogBytes, 'a')),
    }};
}

iw::Layer programLayer(const HostProgram &host, std::vector<Entry> more = {})
{
    std::vector<Entry> entries = {Entry::dir("usr"), Entry::dir("usr/local"),
                                  Entry::dir("usr/local/bin"),
                                  Entry::file("usr/local/bin/hello", host.program, 0755)};
    for (Entry &e : more)
        entries.push_back(std::move(e));
    return iw::Layer{std::move(entries)};
}

iw::HistoryStep step(const QString &createdBy, bool empty = false)
{
    return iw::HistoryStep{createdBy, empty, {}, {}, {}};
}

// The base image's steps, built a year before the image.
std::vector<iw::HistoryStep> baseHistory()
{
    const QString created = QStringLiteral("2023-01-10T08:00:00Z");
    return {{QStringLiteral("/bin/sh -c #(nop) ADD file:5d6b in / "), false, created, {}, {}},
            {QStringLiteral("/bin/sh -c #(nop)  CMD [\"bash\"]"), true, created, {}, {}}};
}

QJsonObject entrypointConfig()
{
    return QJsonObject{
        {QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/usr/local/bin:/usr/bin:/bin")}},
        {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/usr/local/bin/hello")}}};
}

} // namespace

QByteArray privateKey()
{
    QByteArray key = "-----BEGIN OPENSSH PRIVATE KEY-----\n";
    for (int i = 0; i < 25; ++i)
        key += QByteArray(64, char('A' + i)) + '\n';
    return key + "-----END OPENSSH PRIVATE KEY-----\n";
}

QByteArray configWithAwsKey()
{
    return "storage:\n  bucket: assets\n  access_key_id: AKIAIOSFODNN7EXAMPLE\n";
}

HostProgram hostProgram()
{
    return HostProgram{readHostFile(QStringLiteral("/usr/bin/true")),
                       readHostFile(QStringLiteral("/lib/x86_64-linux-gnu/libc.so.6")),
                       readHostFile(QStringLiteral("/lib64/ld-linux-x86-64.so.2"))};
}

iw::Image naiveGoBuild(const HostProgram &host)
{
    iw::Image image;
    image.tags = {QStringLiteral("waste/naive-go:latest")};
    image.config = entrypointConfig();
    image.layers.push_back(baseLayer(host));
    image.layers.push_back(iw::Layer{{
        Entry::dir("var"),
        Entry::dir("var/lib"),
        Entry::dir("var/lib/apt"),
        Entry::dir("var/lib/apt/lists"),
        Entry::file("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_"
                    "Packages",
                    QByteArray(kAptListsBytes, 'p')),
        Entry::dir("var/cache"),
        Entry::dir("var/cache/apt"),
        Entry::dir("var/cache/apt/archives"),
        Entry::file("var/cache/apt/archives/golang-1.19-go_1.19.8-2_amd64.deb",
                    QByteArray(30000, 'd')),
        Entry::file("var/cache/apt/pkgcache.bin", QByteArray(7000, 'c')),
        Entry::dir("var/log"),
        Entry::file("var/log/dpkg.log", QByteArray(kLogBytes, 'l')),
        Entry::dir("usr"),
        Entry::dir("usr/lib"),
        Entry::dir("usr/lib/go-1.19"),
        Entry::dir("usr/lib/go-1.19/bin"),
        Entry::file("usr/lib/go-1.19/bin/go", QByteArray(80000, 'g'), 0755),
        Entry::dir("usr/lib/go-1.19/pkg"),
        Entry::dir("usr/lib/go-1.19/pkg/tool"),
        Entry::file("usr/lib/go-1.19/pkg/tool/compile", QByteArray(40000, 'k'), 0755),
        Entry::dir("usr/include"),
        Entry::file("usr/include/stdio.h", QByteArray(kHeaderBytes, 'h')),
    }});
    image.layers.push_back(iw::Layer{{
        Entry::dir("root", 0700),
        Entry::dir("root/.ssh", 0700),
        Entry::file("root/.ssh/id_rsa", privateKey(), 0600),
        Entry::dir("app"),
        Entry::file("app/config.yml", configWithAwsKey()),
        Entry::file("app/data.bin", QByteArray(kDataBytes, 'x')),
    }});
    image.layers.push_back(programLayer(
        host, {Entry::dir("root", 0700), Entry::dir("root/.cache"),
               Entry::dir("root/.cache/go-build"), Entry::dir("root/.cache/go-build/3f"),
               Entry::file("root/.cache/go-build/3f/3fa0c1-d", QByteArray(kGoBuildCacheBytes, 'b')),
               Entry::dir("root/.ssh", 0700), Entry::whiteout("root/.ssh/id_rsa")}));
    image.layers.push_back(iw::Layer{{
        Entry::dir("app"),
        Entry::file("app/data.bin", QByteArray(kDataBytes, 'x'), 0755),
    }});
    const std::string site = "usr/local/lib/python3.11/site-packages";
    image.layers.push_back(iw::Layer{{
        Entry::dir("usr/local/lib"),
        Entry::dir("usr/local/lib/python3.11"),
        Entry::dir(site),
        Entry::dir(site + "/flask"),
        Entry::file(site + "/flask/__init__.py", QByteArray(2000, 'f')),
        Entry::dir(site + "/flask/__pycache__"),
        Entry::file(site + "/flask/__pycache__/__init__.cpython-311.pyc",
                    QByteArray(kPycBytes, 'y')),
        Entry::dir("root", 0700),
        Entry::dir("root/.cache"),
        Entry::dir("root/.cache/pip"),
        Entry::dir("root/.cache/pip/http"),
        Entry::file("root/.cache/pip/http/flask-3.0.0-py3-none-any.whl",
                    QByteArray(kPipCacheBytes, 'w')),
    }});
    image.layers.push_back(iw::Layer{{
        Entry::dir(site + "/flask/__pycache__"),
        Entry::file(site + "/flask/__pycache__/__init__.cpython-311.pyc",
                    QByteArray(kPycBytes + 100, 'z')),
    }});
    image.history = baseHistory();
    for (const char *command : {
             "RUN /bin/sh -c apt-get update && apt-get install -y golang-1.19 # buildkit",
             "COPY . / # buildkit",
             "RUN /bin/sh -c go build -o /usr/local/bin/hello . && rm /root/.ssh/id_rsa # buildkit",
             "RUN /bin/sh -c chmod 0755 /app/data.bin # buildkit",
             "RUN /bin/sh -c pip install flask # buildkit",
             "RUN /bin/sh -c python -m compileall /usr/local/lib # buildkit",
         })
        image.history.push_back(step(QString::fromLatin1(command)));
    image.history.push_back(step(QStringLiteral("ENTRYPOINT [\"/usr/local/bin/hello\"]"), true));
    return image;
}

iw::Image multiStageGoBuild(const HostProgram &host)
{
    iw::Image image;
    image.tags = {QStringLiteral("waste/multistage-go:latest")};
    image.config = entrypointConfig();
    image.layers = {baseLayer(host), programLayer(host)};
    image.history = baseHistory();
    image.history.push_back(
        step(QStringLiteral("COPY /out/hello /usr/local/bin/hello # buildkit")));
    image.history.push_back(step(QStringLiteral("ENTRYPOINT [\"/usr/local/bin/hello\"]"), true));
    return image;
}

bool writeDockerArchive(const QString &path, const iw::Image &image)
{
    QString error;
    if (!iw::writeArchive(path, {image}, {}, &error)) {
        qWarning() << path << error;
        return false;
    }
    return true;
}

} // namespace strata::testing
