#include "analysis/baseimage.h"

#include "analysis/dockerfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace strata {

namespace {
const QString kBaseName = QStringLiteral("org.opencontainers.image.base.name");
const QString kBaseDigest = QStringLiteral("org.opencontainers.image.base.digest");

// buildah names the base of a build's first step, and the image of the step before on each
// later step ("FROM 89824bdb8efc"): those bare ids say nothing about the base.
bool isBareId(const QString &name)
{
    static const QRegularExpression hex(QStringLiteral("^(sha256:)?[0-9a-f]{12,64}$"));
    return hex.match(name).hasMatch();
}
} // namespace

BaseImage findBaseImage(const ImageInfo &image)
{
    BaseImage base;
    const QJsonObject annotations = QJsonDocument::fromJson(image.manifestJson)
                                        .object()
                                        .value(QStringLiteral("annotations"))
                                        .toObject();
    base.name = annotations.value(kBaseName).toString();
    base.digest = annotations.value(kBaseDigest).toString();
    if (!base.name.isEmpty() || !base.digest.isEmpty())
        base.evidence = BaseImage::Evidence::Annotation;

    // The last build's first step: the steps before it are the base's.
    for (qsizetype i = image.history.size() - 1; i > 0; --i) {
        const QString comment = image.history.at(i).comment.trimmed();
        if (!comment.startsWith(QLatin1String("FROM ")))
            continue;
        const QString name = comment.mid(5).trimmed();
        if (name.isEmpty() || isBareId(name))
            continue;
        base.lastStep = int(i) - 1;
        if (base.name.isEmpty())
            base.name = name;
        if (base.evidence == BaseImage::Evidence::None)
            base.evidence = BaseImage::Evidence::HistoryComment;
        return base;
    }
    base.lastStep = baseImageEnd(image.history);
    if (base.lastStep >= 0 && base.evidence == BaseImage::Evidence::None)
        base.evidence = BaseImage::Evidence::Heuristic;
    return base;
}

} // namespace strata
