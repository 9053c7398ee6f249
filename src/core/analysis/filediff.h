#pragma once

#include "analysis/elfsymbols.h"
#include "analysis/linediff.h"
#include "common/error.h"
#include "tree/overlaymerge.h"

#include <string>

namespace strata {

class ImageSource;

// One side of a file comparison: a path of an image's merged filesystem as of a layer.
struct FileSide
{
    const ImageSource *source = nullptr;
    int image = 0;
    LayerList layers;
    int top = 0;
    std::string path;
};

// Two versions of one file: sizes and SHA-256 always (streamed, whatever the size), and a
// line diff when both are text of at most the text limit.
struct FileComparison
{
    struct Version
    {
        bool present = false; // a regular file there (a missing side reads as empty)
        qint64 size = 0;
        QByteArray sha256; // hex
        QList<QByteArray> lines;
    };
    Version a;
    Version b;
    bool binary = false;   // a NUL byte in the first 8 KiB of a side: compared by hash only
    bool tooLarge = false; // a side past the text limit: compared by hash only
    LineDiff diff;         // when neither binary nor too large
    // Both sides ELF files of at most the ELF limit: what their symbol tables gained and lost.
    bool elf = false;
    ElfSymbolChanges symbols;
    Error error;

    bool identical() const { return a.present == b.present && a.sha256 == b.sha256; }
    bool hasLines() const { return !binary && !tooLarge; }
};

struct FileComparisonLimits
{
    qint64 text = qint64(8) << 20; // lines compared up to this size
    qint64 elf = qint64(64) << 20; // symbols compared up to this size
};

// Reads both sides (each streamed through its layer's tar, no more of it kept in memory than
// the text limit, or the ELF limit for an ELF file) and compares them.
FileComparison compareFile(const FileSide &a, const FileSide &b, FileComparisonLimits limits = {});

} // namespace strata
