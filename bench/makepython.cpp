// Writes a Python application image for the packages benchmark, shaped as pip leaves one: a
// Debian base whose dpkg database lists its files, then `pip install` of 150 packages into
// site-packages (their modules, bytecode and *.dist-info with METADATA and a RECORD of every
// file), then a layer that upgrades ten of them. About 38,000 files in all.
// Usage: strata-bench-python OUT
#include "imagewriter/imagewriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cstdio>
#include <string>

namespace iw = strata::imagewriter;

namespace {

constexpr int kDebianPackages = 90;
constexpr int kFilesPerDebianPackage = 40;
constexpr int kPythonPackages = 150;
constexpr int kModulesPerPackage = 112; // each with its .pyc: 224 files a package
const std::string kSitePackages = "usr/local/lib/python3.11/site-packages/";

QByteArray content(const std::string &path)
{
    return QByteArray("# ") + QByteArray::fromStdString(path) + "\nVALUE = 1\n";
}

// One pip-installed package: its modules and the dist-info that lists them.
void addPythonPackage(iw::Layer *layer, int index, const std::string &version)
{
    const std::string name = "pkg" + std::to_string(index);
    const std::string distInfo = kSitePackages + name + "-" + version + ".dist-info";
    QByteArray record;
    layer->entries.push_back(iw::Entry::dir(kSitePackages + name));
    layer->entries.push_back(iw::Entry::dir(kSitePackages + name + "/__pycache__"));
    for (int m = 0; m < kModulesPerPackage; ++m) {
        for (const std::string &relative :
             {name + "/mod" + std::to_string(m) + ".py",
              name + "/__pycache__/mod" + std::to_string(m) + ".cpython-311.pyc"}) {
            const QByteArray bytes = content(relative + version);
            layer->entries.push_back(iw::Entry::file(kSitePackages + relative, bytes));
            record +=
                QByteArray::fromStdString(relative) + ",sha256=" +
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
                ',' + QByteArray::number(bytes.size()) + '\n';
        }
    }
    const QByteArray metadata = "Metadata-Version: 2.1\nName: " + QByteArray::fromStdString(name) +
                                "\nVersion: " + QByteArray::fromStdString(version) +
                                "\nSummary: A package of the benchmark\nLicense: MIT\n";
    layer->entries.push_back(iw::Entry::dir(distInfo));
    layer->entries.push_back(iw::Entry::file(distInfo + "/METADATA", metadata));
    layer->entries.push_back(iw::Entry::file(distInfo + "/WHEEL", "Wheel-Version: 1.0\n"));
    layer->entries.push_back(iw::Entry::file(distInfo + "/INSTALLER", "pip\n"));
    const std::string info = name + "-" + version + ".dist-info/";
    record += QByteArray::fromStdString(info) + "METADATA,,\n" + QByteArray::fromStdString(info) +
              "WHEEL,,\n" + QByteArray::fromStdString(info) + "INSTALLER,,\n" +
              QByteArray::fromStdString(info) + "RECORD,,\n";
    layer->entries.push_back(iw::Entry::file(distInfo + "/RECORD", record));
}

iw::Image synthesize()
{
    iw::Image image;
    image.tags = {QStringLiteral("bench/python-app:1")};

    iw::Layer base;
    base.entries.push_back(iw::Entry::dir("etc"));
    base.entries.push_back(iw::Entry::file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"));
    QByteArray status;
    for (int p = 0; p < kDebianPackages; ++p) {
        const std::string name = "libdeb" + std::to_string(p);
        status += "Package: " + QByteArray::fromStdString(name) +
                  "\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1." +
                  QByteArray::number(p) + "-1\nInstalled-Size: 120\n\n";
        QByteArray list;
        for (int f = 0; f < kFilesPerDebianPackage; ++f) {
            const std::string path = "usr/lib/" + name + "/file" + std::to_string(f);
            base.entries.push_back(iw::Entry::file(path, content(path)));
            list += '/' + QByteArray::fromStdString(path) + '\n';
        }
        base.entries.push_back(iw::Entry::file("var/lib/dpkg/info/" + name + ".list", list));
    }
    base.entries.push_back(iw::Entry::file("var/lib/dpkg/status", status));
    image.layers.push_back(std::move(base));
    image.history.push_back(
        {QStringLiteral("/bin/sh -c #(nop) ADD file:debian in /"), false, {}, {}, {}});

    iw::Layer install;
    for (int p = 0; p < kPythonPackages; ++p)
        addPythonPackage(&install, p, "1.0." + std::to_string(p));
    image.layers.push_back(std::move(install));
    image.history.push_back(
        {QStringLiteral("RUN pip install -r requirements.txt # buildkit"), false, {}, {}, {}});

    // pip install -U: the old dist-info goes, the modules are rewritten, a new dist-info comes.
    iw::Layer upgrade;
    for (int p = 0; p < kPythonPackages; p += kPythonPackages / 10) {
        upgrade.entries.push_back(iw::Entry::whiteout(kSitePackages + "pkg" + std::to_string(p) +
                                                      "-1.0." + std::to_string(p) + ".dist-info"));
        addPythonPackage(&upgrade, p, "2.0." + std::to_string(p));
    }
    image.layers.push_back(std::move(upgrade));
    image.history.push_back(
        {QStringLiteral("RUN pip install -U -r upgrades.txt # buildkit"), false, {}, {}, {}});
    return image;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        fputs("usage: strata-bench-python OUT\n", stderr);
        return 2;
    }
    iw::WriteOptions options;
    options.layerCompression = iw::Compression::Gzip;
    options.layout = iw::Layout::OciArchive;
    QString error;
    if (!iw::writeArchive(args[1], {synthesize()}, options, &error)) {
        fprintf(stderr, "strata-bench-python: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}
