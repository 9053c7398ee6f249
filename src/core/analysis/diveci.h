#pragma once

#include "analysis/efficiency.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace strata {

// The three rules of dive's CI mode, as configured: strings, as dive keeps them, so that
// "disabled", "off", "false" and "" can switch a rule off. Defaults are dive's.
struct CiConfig
{
    QString lowestEfficiency = QStringLiteral("0.9");
    QString highestWastedBytes = QStringLiteral("disabled");
    QString highestUserWastedPercent = QStringLiteral("0.1");
    // Strata's rules on findings (findings.h), off unless set. Read from the same `rules:`
    // map, which dive ignores them in.
    QString denySecrets = QStringLiteral("false");      // "true": any secret fails
    QString maxCacheBytes = QStringLiteral("disabled"); // package caches above it fail
    QString denyPath;                                   // globs, comma-separated
    // dive's two ratio rules pass while dive's wasted bytes stay below this, so that a small
    // image does not fail on one file.
    QString wastedBytesFloor = QStringLiteral("disabled");
};

// Reads the `rules:` map of dive's `.dive-ci` YAML into `config`; keys the file does not set
// keep their value. Both spellings dive reads are accepted ("lowest-efficiency" and the legacy
// "lowestEfficiency", which wins when both are set, as in dive). Only the small YAML subset
// such files use is understood: block or flow maps, plain or quoted scalars, comments; other
// top-level keys are skipped. False with a one-line *error ("line 3: ...") otherwise.
bool parseDiveCiYaml(const QByteArray &yaml, CiConfig *config, QString *error);
// The same from a file; *error names the file.
bool readDiveCiFile(const QString &path, CiConfig *config, QString *error);

// dive's threshold byte counts (go-humanize ParseBytes): a number, then an optional unit, any
// case: "" or "b", "k"/"kb" = 1000, "ki"/"kib" = 1024, and so on up to "e"/"eb"/"ei"/"eib".
// "20MB", "20Mb" and "20M" are 20,000,000; "1.5 KiB" is 1536. Commas in the number are ignored.
bool parseSiBytes(const QString &text, quint64 *bytes);
bool isCiRuleDisabled(const QString &value);

enum class CiStatus
{
    Pass,
    Fail,
    Skip
};
const char *ciStatusName(CiStatus status); // "PASS", "FAIL", "SKIP"

struct CiRule
{
    enum class Kind
    {
        LowestEfficiency,
        HighestWastedBytes,
        HighestUserWastedPercent,
        DenySecrets,
        MaxCacheBytes,
        DenyPath,
    };
    Kind kind = Kind::LowestEfficiency;
    QString key;         // "lowest-efficiency", ...
    QString configValue; // as written
    bool enabled = false;
    double ratio = 0;  // LowestEfficiency, HighestUserWastedPercent
    quint64 bytes = 0; // HighestWastedBytes, MaxCacheBytes
    // The ratio rules: they pass while dive's wasted bytes are below it (0: no floor).
    quint64 floorBytes = 0;
    QStringList globs; // DenyPath
    bool isFindingRule() const { return kind >= Kind::DenySecrets; }
    static CiRule make(Kind kind, QString key, QString configValue)
    {
        CiRule rule;
        rule.kind = kind;
        rule.key = std::move(key);
        rule.configValue = std::move(configValue);
        return rule;
    }
};

// The rules of `config`: dive's in the order dive prints them (by name), disabled ones
// included, then Strata's finding rules that are enabled. False
// with a one-line *error naming the rule and the value when a threshold does not parse or lies
// outside 0..1; *badKey (when given) then names the rule.
bool parseCiRules(const CiConfig &config, std::vector<CiRule> *rules, QString *error,
                  QString *badKey = nullptr);

struct CiRuleResult
{
    QString key;
    CiStatus status = CiStatus::Pass;
    QString message; // why it failed, else the configured value, or "disabled"
    // Finding rules that fail: one line per finding or path that broke it, and its fix.
    struct Detail
    {
        QString text;
        QString fix;
    };
    std::vector<Detail> details;
};

struct CiEvaluation
{
    std::vector<CiRuleResult> results;
    bool pass() const;
    QStringList failedRules() const;
};

struct FindingsReport;
// What the finding rules look at: the findings, and the layers for --deny-path.
struct FindingRuleInput
{
    const ImageInfo *image = nullptr;
    const FindingsReport *findings = nullptr;
    LayerList layers;
};

// Evaluates dive's rules exactly as dive does: efficiency below the lowest one fails, wasted
// bytes or user wasted percent above the highest one fail. A one-layer image has no user
// wasted percent (NaN) and, as in dive, passes that rule. Finding rules need `input`.
CiEvaluation evaluateCiRules(const std::vector<CiRule> &rules, const EfficiencyReport &report,
                             const FindingRuleInput &input = {});

} // namespace strata
