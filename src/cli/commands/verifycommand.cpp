#include "commands/commands.h"
#include "common/textescape.h"

#include "loadedimage.h"
#include <algorithm>

namespace strata::cli {

namespace {
const char *statusName(LayerDigestCheck::Status status)
{
    switch (status) {
    case LayerDigestCheck::Status::Ok:
        return "ok";
    case LayerDigestCheck::Status::Mismatch:
        return "MISMATCH";
    case LayerDigestCheck::Status::Unreadable:
        return "UNREADABLE";
    case LayerDigestCheck::Status::Unverifiable:
        break;
    }
    return "unverifiable";
}
} // namespace

int runVerify(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral("Checks every layer's SHA-256 against its blob digest and "
                                       "diff_id (exit 2 on a mismatch)."));
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    Error error;
    if (!command.open(&error))
        return fail(error);
    const ImageInfo &image = command.info();
    const std::vector<LayerDigestCheck> checks = command.source->verifyLayers(command.image);
    int code = Ok;
    QByteArray out;
    for (size_t i = 0; i < checks.size(); ++i) {
        out += QByteArray::number(qulonglong(i)) + '\t' + statusName(checks[i].status) + '\t' +
               escapeText(image.layers[qsizetype(i)].member).toUtf8() + '\n';
        if (checks[i].error) {
            fail(checks[i].error);
            code = BadInput;
        }
    }
    writeOut(out);
    // A manifest or config that is not what its digest says is found when it is read.
    return std::max(code, reportProblems(image, {}));
}

} // namespace strata::cli
