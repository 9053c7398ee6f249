// In-process micro-benchmarks (Google Benchmark): indexing one layer, merging, and the
// string pool, on synthetic layers held in memory so only Strata's code is measured.
#include "imagewriter/imagewriter.h"
#include "tree/layerindexer.h"
#include "tree/overlaymerge.h"
#include "tree/treediff.h"

#include <benchmark/benchmark.h>

using namespace strata;
namespace iw = strata::imagewriter;

namespace {
QByteArray syntheticLayer(int files, iw::Compression compression)
{
    iw::Layer layer;
    for (int i = 0; i < files; ++i)
        layer.entries.push_back(
            iw::Entry::file("usr/lib/d" + std::to_string(i % 64) + "/f" + std::to_string(i), "x"));
    return iw::compress(iw::layerTar(layer), compression);
}

void indexLayerBench(benchmark::State &state, iw::Compression compression)
{
    const QByteArray blob = syntheticLayer(int(state.range(0)), compression);
    for (auto _ : state) {
        BufferSource source(blob);
        LayerTree tree = indexLayer(source, LayerIndexOptions{}, QStringLiteral("bench"),
                                    QStringLiteral("layer"));
        benchmark::DoNotOptimize(tree.tree.nodeCount());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_IndexPlain(benchmark::State &state)
{
    indexLayerBench(state, iw::Compression::None);
}
void BM_IndexGzip(benchmark::State &state)
{
    indexLayerBench(state, iw::Compression::Gzip);
}
void BM_IndexZstd(benchmark::State &state)
{
    indexLayerBench(state, iw::Compression::Zstd);
}

void BM_Merge(benchmark::State &state)
{
    std::vector<std::shared_ptr<const LayerTree>> layers;
    for (int l = 0; l < 4; ++l) {
        const QByteArray blob = syntheticLayer(int(state.range(0)) / 4, iw::Compression::None);
        BufferSource source(blob);
        layers.push_back(
            std::make_shared<const LayerTree>(indexLayer(source, LayerIndexOptions{}, {}, {})));
    }
    for (auto _ : state) {
        FileTree merged = mergeLayers(layers, 3);
        benchmark::DoNotOptimize(merged.nodeCount());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
// Issue #5's bound: two merged trees of 500k paths compared in well under a second.
void BM_TreeDiff(benchmark::State &state)
{
    auto tree = [&](int changedEvery) {
        iw::Layer layer;
        for (int i = 0; i < int(state.range(0)); ++i)
            layer.entries.push_back(
                iw::Entry::file("usr/lib/d" + std::to_string(i % 512) + "/f" + std::to_string(i),
                                i % changedEvery == 0 ? "changed" : "x"));
        const QByteArray blob = iw::layerTar(layer);
        BufferSource source(blob);
        std::vector<std::shared_ptr<const LayerTree>> layers{
            std::make_shared<const LayerTree>(indexLayer(source, LayerIndexOptions{}, {}, {}))};
        return std::make_shared<const FileTree>(mergeLayers(layers, 0));
    };
    const auto a = tree(1'000'000'000);
    const auto b = tree(20);
    for (auto _ : state) {
        TreeDiff diff = TreeDiff::compare(a, b);
        benchmark::DoNotOptimize(diff.entryCount());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
} // namespace

BENCHMARK(BM_TreeDiff)->Arg(500'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexPlain)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexGzip)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexZstd)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Merge)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
