#include "analysis/diveci.h"
#include "analysis/efficiency.h"
#include "analysis/findingci.h"
#include "commands/commands.h"
#include "imagefindings.h"
#include "loadedimage.h"
#include "report/cireport.h"
#include "report/efficiencyreport.h"

#include <QFileInfo>

#include <algorithm>

namespace strata::cli {

namespace {

struct RuleOption
{
    QString CiConfig::*field;
    QString name;   // also the rule's key
    QString legacy; // dive's flag spelling
    QString help;
};

const std::vector<RuleOption> &ruleOptions()
{
    static const std::vector<RuleOption> options = {
        {&CiConfig::lowestEfficiency, QStringLiteral("lowest-efficiency"),
         QStringLiteral("lowestEfficiency"),
         QStringLiteral("Fail when the efficiency is lower (a ratio 0-1; default 0.9).")},
        {&CiConfig::highestWastedBytes, QStringLiteral("highest-wasted-bytes"),
         QStringLiteral("highestWastedBytes"),
         QStringLiteral(
             "Fail when dive's wasted bytes are more (20MB, 512KiB, 1000000; default disabled).")},
        {&CiConfig::highestUserWastedPercent, QStringLiteral("highest-user-wasted-percent"),
         QStringLiteral("highestUserWastedPercent"),
         QStringLiteral(
             "Fail when wasted bytes / user layer bytes is more (a ratio 0-1; default 0.1).")},
    };
    return options;
}

// Strata's rules on findings, and the byte floor of dive's ratio rules.
void addFindingRuleOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("wasted-bytes-floor"),
                      QStringLiteral("dive's two ratio rules pass while its wasted bytes are "
                                     "fewer (20MB, 512KiB; default disabled)."),
                      QStringLiteral("value")});
    parser.addOption({QStringLiteral("deny-secrets"),
                      QStringLiteral("Fail when a private key, credentials file or token ships "
                                     "in any layer, deleted later or not.")});
    parser.addOption({QStringLiteral("max-cache-bytes"),
                      QStringLiteral("Fail when package manager caches take more (20MB...)."),
                      QStringLiteral("value")});
    parser.addOption({QStringLiteral("deny-path"),
                      QStringLiteral("Fail when a path matching GLOB ships in any layer "
                                     "(/root/.ssh/*, *.pem); repeatable."),
                      QStringLiteral("glob")});
}

// Flags override the file, as for dive's rules; --deny-path adds to the file's globs.
void readFindingRuleOptions(const QCommandLineParser &parser, CiConfig *config,
                            QStringList *fromFlags)
{
    if (parser.isSet(QStringLiteral("wasted-bytes-floor"))) {
        config->wastedBytesFloor = parser.value(QStringLiteral("wasted-bytes-floor"));
        *fromFlags << QStringLiteral("wasted-bytes-floor");
    }
    if (parser.isSet(QStringLiteral("deny-secrets"))) {
        config->denySecrets = QStringLiteral("true");
        *fromFlags << QStringLiteral("deny-secrets");
    }
    if (parser.isSet(QStringLiteral("max-cache-bytes"))) {
        config->maxCacheBytes = parser.value(QStringLiteral("max-cache-bytes"));
        *fromFlags << QStringLiteral("max-cache-bytes");
    }
    const QStringList globs = parser.values(QStringLiteral("deny-path"));
    if (!globs.isEmpty()) {
        QStringList all = config->denyPath.split(QLatin1Char(','), Qt::SkipEmptyParts);
        all << globs;
        config->denyPath = all.join(QLatin1Char(','));
        *fromFlags << QStringLiteral("deny-path");
    }
}

} // namespace

int runCi(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral(
        "dive's CI gate and Strata's rules on findings: exit 1 naming each failed rule. Rules "
        "come from FILE (default: ./.dive-ci when it exists); flags override them."));
    command.parser.addOption(
        {QStringLiteral("config"),
         QStringLiteral("dive's .dive-ci YAML with the rules (default: ./.dive-ci if present)."),
         QStringLiteral("file")});
    for (const RuleOption &option : ruleOptions())
        command.parser.addOption(
            {{option.name, option.legacy}, option.help, QStringLiteral("value")});
    addFindingRuleOptions(command.parser);
    BaseLayersOption base;
    base.addTo(command.parser);
    FormatOption format({QStringLiteral("text"), QStringLiteral("junit"), QStringLiteral("sarif")});
    format.addTo(command.parser);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError) ||
        !base.read(command.parser, &usageError))
        return fail(usageError);

    // Rules before the image: a broken configuration fails fast, whatever the image.
    CiConfig config;
    QString configFile = command.parser.value(QStringLiteral("config"));
    if (configFile.isEmpty() && QFileInfo::exists(QStringLiteral(".dive-ci")))
        configFile = QStringLiteral(".dive-ci");
    QString configError;
    if (!configFile.isEmpty() && !readDiveCiFile(configFile, &config, &configError))
        return fail(configError);
    QStringList fromFlags;
    for (const RuleOption &option : ruleOptions()) {
        if (command.parser.isSet(option.name)) {
            config.*option.field = command.parser.value(option.name);
            fromFlags << option.name;
        }
    }
    readFindingRuleOptions(command.parser, &config, &fromFlags);
    std::vector<CiRule> rules;
    QString badKey;
    if (!parseCiRules(config, &rules, &configError, &badKey)) {
        if (fromFlags.contains(badKey) || configFile.isEmpty())
            return fail(configError);
        return fail(configFile + QStringLiteral(": ") + configError);
    }

    Error error;
    if (!command.load(&error))
        return fail(error.toString());
    const EfficiencyReport report = analyzeEfficiency(command.info(), command.layers);
    FindingsReport findings;
    const bool findingRules =
        std::any_of(rules.begin(), rules.end(), [](const CiRule &r) { return r.isFindingRule(); });
    const bool secrets = std::any_of(rules.begin(), rules.end(), [](const CiRule &r) {
        return r.kind == CiRule::Kind::DenySecrets;
    });
    if (findingRules && !imageFindings(command, report, base.firstLayer(command.info()), secrets,
                                       &findings, &error))
        return fail(error.toString());
    const CiEvaluation evaluation = evaluateCiRules(
        rules, report, FindingRuleInput{&command.info(), &findings, command.layers});
    const QString location = command.source->location();
    writeOut(format.is("junit")   ? ciJunit(command.info(), location, evaluation)
             : format.is("sarif") ? ciSarif(command.info(), location, evaluation)
                                  : ciText(command.info(), report, evaluation, configFile));
    const int problems = command.reportProblems();
    if (problems != Ok)
        return problems;
    if (!evaluation.pass())
        return fail(QStringLiteral("failed rules: %1")
                        .arg(evaluation.failedRules().join(QStringLiteral(", "))),
                    CheckFailed);
    return Ok;
}

} // namespace strata::cli
