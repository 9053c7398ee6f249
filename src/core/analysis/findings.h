#pragma once

#include "analysis/efficiency.h"
#include "analysis/findingrules.h"
#include "analysis/runtimefiles.h"
#include "image/imageinfo.h"

#include <QString>

#include <string>
#include <vector>

namespace strata {

// One file a finding names.
struct FindingFile
{
    std::string path;
    int layer = 0;
    qint64 size = 0;
    qint64 tarOffset = -1; // secrets: where its tar header starts in the layer's tar
    bool survives = false; // the final filesystem shows this copy
};

// Something to change in the Dockerfile: files of one kind that one layer ships for nothing,
// what they cost and the fix.
struct Finding
{
    FindingKind kind = FindingKind::DeletedLater;
    QString what;          // "apt package lists", "Go toolchain", "private key file"
    QString fix;           // one or two sentences
    std::string directory; // the directory the files are in (their common one)
    int layer = 0;         // the layer that ships them
    int historyIndex = -1; // the history step that made that layer
    int laterLayer = -1;   // the layer that deleted, overwrote or chmod'ed them, or -1
    qint64 bytes = 0;      // what the fix saves
    qint64 fileCount = 0;
    bool removedLater = false;      // a later layer deleted or replaced them: they still ship
    std::vector<FindingFile> files; // the largest first, at most kMaxFindingFiles
};

inline constexpr size_t kMaxFindingFiles = 20;

// The directory two levels below the root that a finding's files are in ("/var/cache",
// "/usr/lib"): what findings are grouped by when they are listed by directory.
QString findingTopDirectory(const Finding &finding);

// The history step that made a finding's layer as the history holds it (`created_by`,
// cleaned), or empty when the history does not say.
QString findingStep(const ImageInfo &image, int historyIndex);

struct FindingsOptions
{
    // Layers below this one are the base image's, left out (dive's issue 111): its waste is
    // not this Dockerfile's to fix. 0 keeps every layer.
    int firstLayer = 0;
    // Reads file contents (the runtime files of the entrypoint); null: the multi-stage
    // estimate is left out.
    MergedFileReader readFile;
};

struct FindingsReport
{
    std::vector<Finding> findings; // secrets first, then the largest first
    int firstLayer = 0;
    qint64 totalBytes = 0; // what every finding together saves; each byte counts once
    // What the entrypoint needs: the estimate of a multi-stage build's final image.
    RuntimeFiles runtime;
    bool hasRuntime() const { return runtime.elf; }
    qint64 secretCount() const;
    qint64 bytesOf(FindingKind kind) const;
};

// The layers the base image is made of when the history says where it ends, else 0.
int baseLayerCount(const ImageInfo &image);

// Looks at every file of every layer: the path rules of findingrules.h, and what the
// efficiency report says became of each copy. Each copy a rule names goes to one finding,
// grouped by layer, kind and what; copies no rule names but that do not survive go to the
// findings of their fate (deleted, overwritten, chmod'ed).
FindingsReport analyzeFindings(const ImageInfo &image, LayerList layers,
                               const EfficiencyReport &efficiency,
                               const FindingsOptions &options = {});

} // namespace strata
