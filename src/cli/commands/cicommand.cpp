#include "analysis/diveci.h"
#include "analysis/efficiency.h"
#include "commands/commands.h"
#include "loadedimage.h"
#include "report/efficiencyreport.h"

#include <QFileInfo>

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

} // namespace

int runCi(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral(
        "dive's CI gate: exit 1 naming each failed rule. Rules come from FILE (default: ./.dive-ci "
        "when it exists); flags override them."));
    command.parser.addOption(
        {QStringLiteral("config"),
         QStringLiteral("dive's .dive-ci YAML with the rules (default: ./.dive-ci if present)."),
         QStringLiteral("file")});
    for (const RuleOption &option : ruleOptions())
        command.parser.addOption(
            {{option.name, option.legacy}, option.help, QStringLiteral("value")});
    QString usageError;
    if (!command.parse(arguments, &usageError))
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
    const CiEvaluation evaluation = evaluateCiRules(rules, report);
    writeOut(ciText(command.info(), report, evaluation, configFile));
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
