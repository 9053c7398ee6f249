#pragma once

#include "tree/overlaymerge.h"

#include <QStringList>

#include <memory>
#include <vector>

// A container's read-write layer (the last of `layers`) as `docker diff` and `podman diff`
// print it: "A /path" for a path the layers below do not have, "C /path" for one they have,
// "D /path" for a deletion; sorted.
inline QStringList diffLines(const std::vector<std::shared_ptr<const strata::LayerTree>> &layers)
{
    using namespace strata;
    const int top = int(layers.size()) - 1;
    const FileTree lower = mergeLayers(LayerList(layers).first(size_t(top)), top - 1);
    const FileTree &rw = layers[size_t(top)]->tree;
    QStringList lines;
    for (uint32_t n = 1; n < rw.nodeCount(); ++n) {
        if (rw.flags(n) & NodeFlag::Implied)
            continue;
        const std::string path = rw.path(n);
        const char kind = (rw.flags(n) & NodeFlag::Whiteout) ? 'D'
                          : lower.find(path) != kNoNode      ? 'C'
                                                             : 'A';
        lines << QStringLiteral("%1 /%2").arg(QLatin1Char(kind)).arg(QString::fromStdString(path));
    }
    lines.sort();
    return lines;
}

// The lines an engine's CLI printed, sorted.
inline QStringList sortedLines(const QByteArray &output)
{
    QStringList lines;
    for (const QByteArray &line : output.trimmed().split('\n'))
        lines << QString::fromUtf8(line);
    lines.sort();
    return lines;
}
