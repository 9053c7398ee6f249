#pragma once

#include "analysis/baseimage.h"
#include "image/imageinfo.h"

#include <QList>
#include <QString>

namespace strata {

// The history steps after which a base image ends, oldest first (a heuristic: see the .cpp).
// An image built FROM python, itself built FROM debian, can show two; the last one is where
// the image's own Dockerfile begins. Empty when the history does not tell.
QList<int> baseImageBoundaries(const QList<HistoryEntry> &history);

// The last step of the image this one was built FROM, or -1 when the history does not tell.
int baseImageEnd(const QList<HistoryEntry> &history);

// One history step as a Dockerfile instruction: long RUN commands are wrapped at top-level
// `&&` with ` \` continuation lines; a step whose text names no instruction becomes a comment.
QString dockerfileInstruction(const HistoryEntry &step);

// A Dockerfile reconstructed from the history, the way `dive` and `docker history` readers
// show it: a header comment and FROM scratch, then one instruction per step (empty steps
// included), with a comment where a base image ends. ADD/COPY keep what the builder recorded
// ("COPY file:3a4b... in /"), since the history does not name the build context's files.
// `stepLines`, when given, receives the first line (from 0) of each step's instruction.
// With a `base` that names the image and where its steps end (annotations, buildah's
// comments), the base's steps are comments and the Dockerfile starts FROM that base.
QString dockerfileFromHistory(const QList<HistoryEntry> &history, QList<int> *stepLines = nullptr,
                              const BaseImage *base = nullptr);

} // namespace strata
