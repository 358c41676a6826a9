// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/cssrs_screener.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

problem_list check_cssrs_screener_definition(const instruments::instrument& screener) {
    problem_list p;
    if (screener.items().size() != 7) {
        p.push_back({"screener.items", "a C-SSRS screener has 7 items (Q1-Q5, Q6, Q6b); " +
                                           screener.id() + " has " +
                                           std::to_string(screener.items().size())});
    }
    const instruments::derived_rule* rule = nullptr;
    for (const auto& d : screener.derived()) {
        if (d.id == cssrs_triage_rule_id) {
            rule = &d;
        }
    }
    const auto* triage = rule ? std::get_if<instruments::triage_rule>(&rule->rule) : nullptr;
    if (!triage) {
        p.push_back({"screener.derived", screener.id() + " has no triage rule \"" +
                                             std::string(cssrs_triage_rule_id) + "\""});
    } else {
        const std::array<cssrs_triage, 4> expected{cssrs_triage::none, cssrs_triage::low,
                                                   cssrs_triage::moderate, cssrs_triage::high};
        bool same = triage->levels.size() == expected.size();
        for (std::size_t i = 0; same && i < expected.size(); ++i) {
            same = triage->levels[i] == to_string(expected[i]);
        }
        if (!same) {
            p.push_back({"screener.derived.risk_level.levels",
                         "the triage levels must be none, low, moderate, high (lowest first)"});
        }
    }
    return p;
}

instruments::responses cssrs_screener_responses(const cssrs_screener_answers& a) {
    const auto yes_no = [](bool b) { return instruments::answer(b ? 1 : 0); };
    const auto asked = [&](const std::optional<bool>& b) {
        return b ? yes_no(*b) : instruments::answer();
    };
    return instruments::responses::ordered({yes_no(a.q1), yes_no(a.q2), asked(a.q3), asked(a.q4),
                                            asked(a.q5), yes_no(a.q6), asked(a.q6_past_3_months)});
}

cssrs_triage cssrs_screener_triage(const instruments::instrument& screener,
                                   const cssrs_screener_answers& a) {
    throw_if_invalid(validate(a), "invalid C-SSRS screener answers");
    throw_if_invalid(check_cssrs_screener_definition(screener),
                     "not a C-SSRS screener definition: " + screener.id());
    const auto result = instruments::score(screener, cssrs_screener_responses(a));
    const auto* level = result.outcome(cssrs_triage_rule_id);
    const auto triage = level ? enum_from_string<cssrs_triage>(level->label) : std::nullopt;
    if (!level || !level->determined || !triage) {
        throw validation_error("cannot triage C-SSRS screener answers with " + screener.id(),
                               {{"screener.derived.risk_level",
                                 "the definition leaves the level undetermined for complete "
                                 "answers (check its skip rules)"}});
    }
    return *triage;
}

problem_list check_cssrs_screener(const instruments::instrument& screener,
                                  const cssrs_screener_result& r) {
    problem_list p = validate(r);
    if (p.empty()) {
        const auto expected = cssrs_screener_triage(screener, r.answers);
        if (r.triage != expected) {
            p.push_back({"triage", "does not match the answers (" + screener.id() + " v" +
                                       screener.version() + " gives " +
                                       std::string(to_string(expected)) + ")"});
        }
    }
    return p;
}

problem_list check_risk_assessment(const instruments::instrument& screener,
                                   const risk_assessment& a) {
    problem_list p = validate(a);
    if (a.cssrs_screener && validate(*a.cssrs_screener).empty()) {
        detail::append_prefixed(p, "cssrs_screener",
                                check_cssrs_screener(screener, *a.cssrs_screener));
    }
    return p;
}

}  // namespace adapters
THERACORE_NAMESPACE_END
