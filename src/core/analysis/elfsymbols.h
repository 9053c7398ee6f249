#pragma once

#include <QByteArray>
#include <QList>

namespace strata {

// The symbols an ELF file defines and the ones it takes from others, as `nm -D --defined-only`
// and `nm -D --undefined-only` list them (from .symtab where a binary still has one, else
// .dynsym), sorted and without duplicates.
struct ElfSymbols
{
    bool valid = false; // the bytes are an ELF file whose section headers could be read
    QList<QByteArray> defined;
    QList<QByteArray> undefined;
};

bool isElf(const QByteArray &bytes);
ElfSymbols readElfSymbols(const QByteArray &bytes);

// What changed from one version of an ELF file to the next.
struct ElfSymbolChanges
{
    QList<QByteArray> added;   // defined in B, not in A
    QList<QByteArray> removed; // defined in A, not in B
    QList<QByteArray> importsAdded;
    QList<QByteArray> importsRemoved;

    bool isEmpty() const
    {
        return added.isEmpty() && removed.isEmpty() && importsAdded.isEmpty() &&
               importsRemoved.isEmpty();
    }
};
ElfSymbolChanges compareElfSymbols(const ElfSymbols &a, const ElfSymbols &b);

} // namespace strata
