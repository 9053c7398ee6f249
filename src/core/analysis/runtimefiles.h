#pragma once

#include "image/imageinfo.h"
#include "tree/overlaymerge.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace strata {

// The libraries an ELF file asks the dynamic loader for.
struct ElfDependencies
{
    bool valid = false;              // an ELF file this reader understands
    std::string interpreter;         // PT_INTERP ("/lib64/ld-linux-x86-64.so.2"), empty when static
    std::vector<std::string> needed; // DT_NEEDED, in order
    std::vector<std::string> runPath; // DT_RUNPATH, else DT_RPATH, split at ':'
    uint16_t machine = 0;             // e_machine
};

// Reads the program headers and the dynamic section of an ELF file (32 or 64 bits, either
// byte order). `file` may be cut short: what lies past its end is not read.
ElfDependencies readElfDependencies(const QByteArray &file);

// What the image's command needs to run: the file its entrypoint (else its cmd) names, found
// through PATH as a shell would and through symlinks, and, for an ELF program, its
// interpreter and the libraries it loads, found as the dynamic loader looks for them.
struct RuntimeFiles
{
    std::string command;            // the program, as resolved ("usr/local/bin/hello"); empty: none
    bool elf = false;               // false: a script or something this cannot follow
    std::vector<std::string> files; // the program and what it loads, symlinks resolved
    qint64 bytes = 0;               // their sizes
    std::vector<std::string> missing; // libraries the image does not have
};

// Reads a regular file of the merged tree (of layer `layer`), at most maxBytes of it.
using MergedFileReader =
    std::function<QByteArray(int layer, const std::string &path, qint64 maxBytes)>;

// The runtime files of the image as of layer `top`.
RuntimeFiles findRuntimeFiles(const ImageConfig &config, LayerList layers, int top,
                              const MergedFileReader &read);

} // namespace strata
