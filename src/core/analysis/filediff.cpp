#include "analysis/filediff.h"

#include "common/sha256.h"
#include "source/imagesource.h"

namespace strata {

namespace {

constexpr qint64 kBinaryProbe = qint64(8) * 1024;

// One side's bytes: hashed whole, kept up to the limit of what they are.
bool readSide(const FileSide &side, FileComparisonLimits limits, FileComparison::Version *version,
              QByteArray *kept, Error *error)
{
    const MergedEntry entry = findMerged(side.layers, side.top, side.path);
    if (!entry ||
        (entry.attrs().type != FileType::Regular && entry.attrs().type != FileType::Hardlink))
        return true; // absent here (or not a file): the other side is all added or removed
    version->present = true;
    Sha256 hash;
    side.source->streamFile(
        side.image, int(entry.treeLayer), QString::fromStdString(side.path),
        [&](const char *data, qint64 size) {
            hash.addData(QByteArrayView(data, size));
            version->size += size;
            // Text is kept up to its limit; only an ELF file (known by its first bytes) for
            // as long as its symbols are compared.
            const qint64 limit = isElf(*kept) ? limits.elf : limits.text;
            if (kept->size() <= limit)
                kept->append(data, qsizetype(std::min(size, limit + 1 - kept->size())));
            return true;
        },
        error);
    if (*error)
        return false;
    version->sha256 = hash.result().toHex();
    return true;
}

} // namespace

FileComparison compareFile(const FileSide &a, const FileSide &b, FileComparisonLimits limits)
{
    FileComparison c;
    QByteArray bytesA, bytesB;
    if (!readSide(a, limits, &c.a, &bytesA, &c.error) ||
        !readSide(b, limits, &c.b, &bytesB, &c.error))
        return c;
    c.binary = bytesA.left(kBinaryProbe).contains('\0') || bytesB.left(kBinaryProbe).contains('\0');
    c.tooLarge = c.a.size > limits.text || c.b.size > limits.text;
    if (c.hasLines()) {
        c.a.lines = splitLines(bytesA);
        c.b.lines = splitLines(bytesB);
        c.diff = diffLines(c.a.lines, c.b.lines);
    } else if (isElf(bytesA) && isElf(bytesB) && c.a.size <= limits.elf && c.b.size <= limits.elf) {
        const ElfSymbols symbolsA = readElfSymbols(bytesA), symbolsB = readElfSymbols(bytesB);
        c.elf = symbolsA.valid && symbolsB.valid;
        if (c.elf)
            c.symbols = compareElfSymbols(symbolsA, symbolsB);
    }
    return c;
}

} // namespace strata
