#pragma once

#include "analysis/diveci.h"
#include "analysis/findings.h"

namespace strata {

// Strata's CI rules on findings, beside dive's three: any secret (--deny-secrets), package
// caches above a size (--max-cache-bytes), paths that must not ship (--deny-path GLOB, every
// layer's entries, since a file a later layer deletes still ships).

// Appends the enabled finding rules of `config` to `rules`; false with *error and *badKey on
// a value that does not parse.
bool parseFindingRules(const CiConfig &config, std::vector<CiRule> *rules, QString *error,
                       QString *badKey);

// One finding rule against the findings; each finding or path that fails it is a detail with
// its fix.
CiRuleResult evaluateFindingRule(const CiRule &rule, const FindingRuleInput &input);

// "SSH private key: /root/.ssh/id_rsa, layer 2 (COPY . /), 1.7 kB": a finding on one line.
QString findingSummary(const Finding &finding, const ImageInfo &image);

} // namespace strata
