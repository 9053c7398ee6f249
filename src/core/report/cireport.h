#pragma once

#include "analysis/diveci.h"
#include "image/imageinfo.h"

#include <QByteArray>
#include <QString>

namespace strata {

// `strata-cli ci --format junit`: one test suite for the image, one test case per rule; a
// failed rule is a <failure> whose text lists what broke it and the fixes, a disabled one is
// <skipped/>. What GitLab, Jenkins and GitHub's test reporters read.
QByteArray ciJunit(const ImageInfo &image, const QString &location, const CiEvaluation &evaluation);

// `strata-cli ci --format sarif`: SARIF 2.1.0, one result per failed rule and per detail, for
// code-scanning views. `location` (the archive or reference) is the artifact.
QByteArray ciSarif(const ImageInfo &image, const QString &location, const CiEvaluation &evaluation);

} // namespace strata
