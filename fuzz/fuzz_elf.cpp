// ELF symbol tables: every offset and count in the headers comes from the file.
#include "analysis/elfsymbols.h"

using namespace strata;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ElfSymbols symbols = readElfSymbols(bytes);
    compareElfSymbols(symbols, ElfSymbols{});
    return 0;
}
