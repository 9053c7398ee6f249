#include "analysis/elfsymbols.h"

#include <QtEndian>

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace strata {

namespace {

// Fixed-size fields read at an offset of the file in its own byte order, every read checked
// against the file's end: a truncated or hostile file gives no symbols, never a bad read.
class ElfBytes
{
public:
    ElfBytes(const QByteArray &bytes, bool bigEndian)
        : m_data(bytes.constData()), m_size(quint64(bytes.size())),
          m_swap(bigEndian != (Q_BYTE_ORDER == Q_BIG_ENDIAN))
    {
    }

    template <typename T> bool read(quint64 offset, T *value) const
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (offset > m_size || m_size - offset < sizeof(T))
            return false;
        std::memcpy(value, m_data + offset, sizeof(T));
        return true;
    }
    template <typename Int> Int fix(Int value) const { return m_swap ? qbswap(value) : value; }
    // The NUL-terminated name at `offset` of a string table [start, start + size).
    QByteArray string(quint64 start, quint64 size, quint64 offset) const
    {
        const quint64 total = m_size;
        if (start > total)
            return {};
        const quint64 end = start + std::min(size, total - start);
        if (offset >= end - start)
            return {};
        const char *begin = m_data + start + offset;
        const void *nul = std::memchr(begin, 0, size_t(end - start - offset));
        return nul ? QByteArray(begin, qsizetype(static_cast<const char *>(nul) - begin))
                   : QByteArray();
    }

private:
    const char *m_data;
    quint64 m_size;
    bool m_swap;
};

struct Elf32
{
    using Ehdr = Elf32_Ehdr;
    using Shdr = Elf32_Shdr;
    using Sym = Elf32_Sym;
    static unsigned type(unsigned char info) { return ELF32_ST_TYPE(info); }
    static unsigned bind(unsigned char info) { return ELF32_ST_BIND(info); }
};
struct Elf64
{
    using Ehdr = Elf64_Ehdr;
    using Shdr = Elf64_Shdr;
    using Sym = Elf64_Sym;
    static unsigned type(unsigned char info) { return ELF64_ST_TYPE(info); }
    static unsigned bind(unsigned char info) { return ELF64_ST_BIND(info); }
};

// A name as nm prints it without symbol versions: "puts@GLIBC_2.2.5" is "puts".
QByteArray withoutVersion(const QByteArray &name)
{
    const qsizetype at = name.indexOf('@');
    return at > 0 ? name.left(at) : name;
}

void sortUnique(QList<QByteArray> *names)
{
    std::sort(names->begin(), names->end());
    names->erase(std::unique(names->begin(), names->end()), names->end());
}

template <typename Elf> ElfSymbols readSymbols(const ElfBytes &elf)
{
    ElfSymbols out;
    typename Elf::Ehdr header;
    if (!elf.read(0, &header))
        return out;
    const quint64 sectionsAt = elf.fix(header.e_shoff);
    const unsigned sectionCount = elf.fix(header.e_shnum);
    if (elf.fix(header.e_shentsize) != sizeof(typename Elf::Shdr) || sectionCount == 0)
        return out;
    std::vector<typename Elf::Shdr> sections(sectionCount);
    for (unsigned i = 0; i < sectionCount; ++i) {
        if (!elf.read(sectionsAt + quint64(i) * sizeof(typename Elf::Shdr), &sections[i]))
            return out;
    }
    out.valid = true;
    // A binary keeps .symtab unless stripped; .dynsym (what others link against) always.
    const auto hasType = [&](quint32 type) {
        return std::any_of(sections.begin(), sections.end(),
                           [&](const auto &s) { return elf.fix(s.sh_type) == type; });
    };
    const quint32 wanted = hasType(SHT_SYMTAB) ? SHT_SYMTAB : SHT_DYNSYM;
    for (const auto &table : sections) {
        if (elf.fix(table.sh_type) != wanted || elf.fix(table.sh_link) >= sectionCount)
            continue;
        const auto &strings = sections[elf.fix(table.sh_link)];
        const quint64 stringsAt = elf.fix(strings.sh_offset),
                      stringsSize = elf.fix(strings.sh_size);
        const quint64 at = elf.fix(table.sh_offset),
                      count = elf.fix(table.sh_size) / sizeof(typename Elf::Sym);
        for (quint64 i = 1; i < count; ++i) { // symbol 0 is the null symbol
            typename Elf::Sym symbol;
            if (!elf.read(at + i * sizeof(symbol), &symbol))
                break;
            const unsigned bind = Elf::bind(symbol.st_info), type = Elf::type(symbol.st_info);
            if ((bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE) ||
                type == STT_SECTION || type == STT_FILE)
                continue;
            const QByteArray name =
                withoutVersion(elf.string(stringsAt, stringsSize, elf.fix(symbol.st_name)));
            if (name.isEmpty())
                continue;
            (elf.fix(symbol.st_shndx) == SHN_UNDEF ? out.undefined : out.defined).append(name);
        }
    }
    sortUnique(&out.defined);
    sortUnique(&out.undefined);
    return out;
}

// The names of `a` not in `b`, both sorted.
QList<QByteArray> onlyIn(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    QList<QByteArray> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

} // namespace

bool isElf(const QByteArray &bytes)
{
    return bytes.startsWith(QByteArrayView(ELFMAG, SELFMAG));
}

ElfSymbols readElfSymbols(const QByteArray &bytes)
{
    if (!isElf(bytes) || bytes.size() <= EI_DATA)
        return {};
    const bool bigEndian = bytes.at(EI_DATA) == ELFDATA2MSB;
    if (!bigEndian && bytes.at(EI_DATA) != ELFDATA2LSB)
        return {};
    const ElfBytes elf(bytes, bigEndian);
    switch (bytes.at(EI_CLASS)) {
    case ELFCLASS32:
        return readSymbols<Elf32>(elf);
    case ELFCLASS64:
        return readSymbols<Elf64>(elf);
    default:
        return {};
    }
}

ElfSymbolChanges compareElfSymbols(const ElfSymbols &a, const ElfSymbols &b)
{
    return {onlyIn(b.defined, a.defined), onlyIn(a.defined, b.defined),
            onlyIn(b.undefined, a.undefined), onlyIn(a.undefined, b.undefined)};
}

} // namespace strata
