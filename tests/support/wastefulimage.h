#pragma once

// Images with waste whose every byte the tests know: a naive Go build against its
// multi-stage twin, with the mistakes engineers make (apt lists and cache left, a private key
// copied and deleted later, a chmod that copies a file again, a pip cache, Python bytecode
// written twice). The program is this machine's /usr/bin/true with the libc it loads, so the
// runtime files of the entrypoint are real ELF files.

#include "imagewriter/imagewriter.h"

#include <QByteArray>
#include <QString>

namespace strata::testing {

// Sizes the tests assert.
inline constexpr int kBaseLogBytes = 500; // the base image's own waste
inline constexpr int kAptListsBytes = 50000;
inline constexpr int kAptCacheBytes = 30000 + 7000;
inline constexpr int kGoToolchainBytes = 80000 + 40000;
inline constexpr int kHeaderBytes = 3000;
inline constexpr int kLogBytes = 1200;
inline constexpr int kGoBuildCacheBytes = 20000;
inline constexpr int kDataBytes = 10000; // chmod'ed in layer 4
inline constexpr int kPipCacheBytes = 15000;
inline constexpr int kPycBytes = 800; // written again in layer 6

// The private key copied in layer 2 and deleted in layer 3, and a config file beside it
// holding an AWS access key id.
QByteArray privateKey();
QByteArray configWithAwsKey();

// The host files the program needs, read from this machine; empty when one is missing.
struct HostProgram
{
    QByteArray program; // /usr/bin/true
    QByteArray libc;
    QByteArray loader;
    bool isValid() const { return !program.isEmpty() && !libc.isEmpty() && !loader.isEmpty(); }
    qint64 runtimeBytes() const { return program.size() + libc.size() + loader.size(); }
};
HostProgram hostProgram();

// Layers, bottom first, with one history step each (and the base's CMD):
//  0  base: libc, the loader, lib64's symlink to it, a log (history: ADD and CMD, a year
//     earlier, by the classic builder)
//  1  RUN apt-get install golang: apt lists and cache, the Go toolchain, a header, dpkg.log
//  2  COPY: root/.ssh/id_rsa, app/config.yml (AWS key), app/data.bin
//  3  RUN go build: usr/local/bin/hello, the go build cache, deletes root/.ssh/id_rsa
//  4  RUN chmod 0755 app/data.bin
//  5  RUN pip install: flask, its bytecode, the pip cache
//  6  RUN python -m compileall: the bytecode again
// ENTRYPOINT ["/usr/local/bin/hello"].
imagewriter::Image naiveGoBuild(const HostProgram &host);
// The same program built in another stage: the base and usr/local/bin/hello only.
imagewriter::Image multiStageGoBuild(const HostProgram &host);

// Writes one image as `docker save` would; false with a warning on failure.
bool writeDockerArchive(const QString &path, const imagewriter::Image &image);

} // namespace strata::testing
