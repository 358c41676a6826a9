// SPDX-License-Identifier: Apache-2.0
/// @file
/// The parts of an instrument definition: response scales, items, skip rules, scales with their
/// missing-data rules, bands, cut-offs and psychometrics, critical-item flags, derived
/// (diagnostic or triage) rules and locales. Everything an instrument's manual publishes is
/// data here, with its source; the engine (`score.hpp`, `batch.hpp`) only reads it.
///
/// `instrument_definition` is the plain data; `instrument` (instrument.hpp) is the checked,
/// ready-to-score class built from it. The JSON format is documented in
/// docs/instrument-format.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/enum.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

using theracore::operator==;
using theracore::operator!=;

/// Under which terms an instrument may be used and distributed.
enum class licence_terms {
    public_domain,          ///< no restriction (a citation may still be requested)
    free_with_attribution,  ///< free, also commercially, with the rights holder's attribution
    non_commercial,         ///< free for non-commercial use only (AUDIT, DAST-10, WHO-5)
    /// The scoring rules ship, the form does not: its texts are copyrighted and a user loads
    /// them as a locale overlay under their own licence or permission (EPDS, C-SSRS).
    licensed_user_supplied,
};
constexpr auto describe_enum(licence_terms) {
    using E = licence_terms;
    return enum_table<E, 4>{"licence_terms",
                            {{{E::public_domain, "public_domain"},
                              {E::free_with_attribution, "free_with_attribution"},
                              {E::non_commercial, "non_commercial"},
                              {E::licensed_user_supplied, "licensed_user_supplied"}}}};
}

/// Whether a higher score means more of the problem (PHQ-9) or more well-being (WHO-5).
enum class score_direction { higher_is_worse, higher_is_better };
constexpr auto describe_enum(score_direction) {
    using E = score_direction;
    return enum_table<E, 2>{
        "score_direction",
        {{{E::higher_is_worse, "higher_is_worse"}, {E::higher_is_better, "higher_is_better"}}}};
}

/// What an answer value means. `positions`: the value of the option chosen, as the form codes
/// it (the response scale's option values, before reverse keying): EPDS item 10 "yes, quite
/// often", the first option, is 0. `scores`: the item's scored value after reverse keying (the
/// same EPDS answer is 3). The two differ only on reverse-keyed items.
enum class answer_coding { positions, scores };
constexpr auto describe_enum(answer_coding) {
    using E = answer_coding;
    return enum_table<E, 2>{"answer_coding",
                            {{{E::positions, "positions"}, {E::scores, "scores"}}}};
}

/// A test of a number against a threshold. Wire names are the operators themselves.
enum class comparison { at_least, greater_than, at_most, less_than, equal };
constexpr auto describe_enum(comparison) {
    using E = comparison;
    return enum_table<E, 5>{"comparison",
                            {{{E::at_least, ">="},
                              {E::greater_than, ">"},
                              {E::at_most, "<="},
                              {E::less_than, "<"},
                              {E::equal, "=="}}}};
}

/// `value <test> threshold`.
[[nodiscard]] constexpr bool compare(double value, comparison test, double threshold) noexcept {
    switch (test) {
        case comparison::at_least:
            return value >= threshold;
        case comparison::greater_than:
            return value > threshold;
        case comparison::at_most:
            return value <= threshold;
        case comparison::less_than:
            return value < threshold;
        case comparison::equal:
            return value == threshold;
    }
    return false;
}

/// How a scale combines its items' scored values.
enum class scale_method {
    sum,   ///< sum of the scored values, times the multiplier
    mean,  ///< mean of the answered scored values, times the multiplier
};
constexpr auto describe_enum(scale_method) {
    using E = scale_method;
    return enum_table<E, 2>{"scale_method", {{{E::sum, "sum"}, {E::mean, "mean"}}}};
}

/// What a scale is to its instrument.
enum class scale_role {
    total,     ///< the instrument's total score (at most one)
    subscale,  ///< a subscale or cluster (PHQ-2 within PHQ-9, DASS-21 depression)
    rescaled,  ///< another expression of the total (WHO-5 percentage = raw × 4)
};
constexpr auto describe_enum(scale_role) {
    using E = scale_role;
    return enum_table<E, 3>{
        "scale_role",
        {{{E::total, "total"}, {E::subscale, "subscale"}, {E::rescaled, "rescaled"}}}};
}

/// Rounding of a prorated scale value.
enum class rounding_rule {
    none,       ///< keep the fraction (CORE-10: band on the unrounded value)
    half_up,    ///< nearest integer, halves away from zero
    half_even,  ///< nearest integer, halves to even
};
constexpr auto describe_enum(rounding_rule) {
    using E = rounding_rule;
    return enum_table<E, 3>{
        "rounding_rule",
        {{{E::none, "none"}, {E::half_up, "half_up"}, {E::half_even, "half_even"}}}};
}

/// How missing items are filled in when a missing-data rule allows some.
enum class prorate_method {
    /// Value = sum of answered × applicable items / answered items (the mean of the answered
    /// items stands in for each missing one). CORE-10, K10 (AMHOCN), SDQ.
    mean_of_answered,
};
constexpr auto describe_enum(prorate_method) {
    using E = prorate_method;
    return enum_table<E, 1>{"prorate_method", {{{E::mean_of_answered, "mean_of_answered"}}}};
}

/// How a condition combines its items.
enum class condition_match {
    any,  ///< true when any listed item's scored value passes the test
    sum,  ///< true when the sum of the listed items' scored values passes the test
};
constexpr auto describe_enum(condition_match) {
    using E = condition_match;
    return enum_table<E, 2>{"condition_match", {{{E::any, "any"}, {E::sum, "sum"}}}};
}

/// How urgently a fired flag needs a clinician.
enum class flag_severity {
    info,       ///< worth reading (e.g. AUDIT dependence items)
    review,     ///< review at the next contact
    urgent,     ///< risk review today, whatever the total (PHQ-9 item 9, CORE-10 item 6)
    immediate,  ///< immediate safety action (C-SSRS behaviour in the past 3 months, EPDS item 10)
};
constexpr auto describe_enum(flag_severity) {
    using E = flag_severity;
    return enum_table<E, 4>{"flag_severity",
                            {{{E::info, "info"},
                              {E::review, "review"},
                              {E::urgent, "urgent"},
                              {E::immediate, "immediate"}}}};
}

/// The kind of a reliability coefficient (the change formulas record which one they used).
enum class reliability_kind { cronbach_alpha, test_retest, intraclass_correlation, other };
constexpr auto describe_enum(reliability_kind) {
    using E = reliability_kind;
    return enum_table<E, 4>{"reliability_kind",
                            {{{E::cronbach_alpha, "cronbach_alpha"},
                              {E::test_retest, "test_retest"},
                              {E::intraclass_correlation, "intraclass_correlation"},
                              {E::other, "other"}}}};
}

/// Whether a norm group is a clinical (dysfunctional) or a non-clinical (functional) sample.
enum class norm_population { clinical, non_clinical };
constexpr auto describe_enum(norm_population) {
    using E = norm_population;
    return enum_table<E, 2>{"norm_population",
                            {{{E::clinical, "clinical"}, {E::non_clinical, "non_clinical"}}}};
}

// ---------------------------------------------------------------------------------------------
// Response scales and items

/// One allowed answer value. Non-contiguous sets (AUDIT items 9–10: 0, 2, 4) are just options.
struct response_option {
    double value = 0;
    /// Shipped label; a neutral one ("0") where the licence does not allow the form's wording.
    std::string label;
    /// This value is a code meaning "does not apply to me" (WSAS work item when retired, PHQ-15
    /// item 4 for men): the item leaves its scales instead of counting as missing.
    bool not_applicable = false;
    /// LOINC answer code (LA…) where confirmed.
    std::optional<coded_concept> code;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("value", s.value), field("label", s.label),
                               field("not_applicable", s.not_applicable), field("code", s.code));
    }
};

/// Free numeric entry (PG-13-R "months since the death").
struct numeric_range {
    double min = 0;
    /// No upper bound when empty; such an item cannot be reverse keyed.
    std::optional<double> max;
    bool integer = true;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("min", s.min), field("max", s.max),
                               field("integer", s.integer));
    }
};

/// The answers an item allows: either a list of options or a numeric range.
struct response_scale {
    std::string id;
    std::vector<response_option> options;
    std::optional<numeric_range> range;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("options", s.options),
                               field("range", s.range));
    }
};

/// One question. Answers are recorded as the form records them (the option's value); the
/// engine reverse keys: scored = scale minimum + scale maximum − answer.
struct item {
    /// Lowercase ASCII; defaults to `<instrument id>_<n>` (n = 1-based form position).
    std::string id;
    /// A neutral label ("Item 9") or short content label; the wording lives in `locales`.
    std::string label;
    /// Id of a response scale; may be omitted when the instrument has exactly one.
    std::string response_scale;
    bool reverse = false;
    /// LOINC item code where confirmed.
    std::optional<coded_concept> code;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("label", s.label),
                               field("response_scale", s.response_scale),
                               field("reverse", s.reverse), field("code", s.code));
    }
};

/// A test over items' scored values (after reverse keying, so it reads like the published
/// rule: "EPDS item 10 > 0"). Missing items make the result unknown unless the answered ones
/// decide it; not-applicable items never pass and add 0 to a sum.
struct condition {
    std::vector<std::string> items;
    condition_match match = condition_match::any;
    comparison test = comparison::at_least;
    double value = 0;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("items", s.items), field("match", s.match),
                               field("test", s.test), field("value", s.value));
    }
};

/// Skip logic: when `when` holds, the items in `skip` are not asked. They score `score_as`
/// (AUDIT items 2–8 score 0 when item 1 is 0) or, when `score_as` is empty, are not applicable.
/// An answer to a skipped item that differs from `score_as` is invalid. Rules apply in order,
/// so a later rule may test items an earlier one skipped.
struct skip_rule {
    std::string id;
    condition when;
    std::vector<std::string> skip;
    std::optional<double> score_as;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("when", s.when), field("skip", s.skip),
                               field("score_as", s.score_as), field("source", s.source));
    }
};

// ---------------------------------------------------------------------------------------------
// Scales

/// How many items a scale may miss and still be scored, and how the gap is filled. A scale
/// without a rule is not scorable when any applicable item is missing.
struct missing_rule {
    /// Most applicable items that may be missing (less than the number of items).
    int max_missing = 0;
    /// Items that must be answered for the scale to be scored.
    std::vector<std::string> required;
    prorate_method prorate = prorate_method::mean_of_answered;
    /// Applied to the final value when it was prorated.
    rounding_rule rounding = rounding_rule::none;
    /// False for a library policy that no manual publishes; results say so.
    bool standard = true;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("max_missing", s.max_missing), field("required", s.required),
                               field("prorate", s.prorate), field("rounding", s.rounding),
                               field("standard", s.standard), field("source", s.source));
    }
};

/// A severity band with inclusive bounds as published ("5–9 mild"). A prorated, non-integer
/// value is banded by lower bounds: it belongs to the last band whose `min` it reaches.
struct band {
    double min = 0;
    double max = 0;
    std::string label;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("min", s.min), field("max", s.max), field("label", s.label));
    }
};

/// Bands covering a scale's whole range without gaps or overlaps. A scale may carry several
/// named sets (K10: ABS and Andrews & Slade); the first is the default.
struct band_set {
    std::string id;
    std::string name;
    std::string source;
    /// False for bands that are conventions rather than the authors' (label them so).
    bool standard = true;
    std::vector<band> bands;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name), field("source", s.source),
                               field("standard", s.standard), field("bands", s.bands));
    }
};

/// A cut-off ("PHQ-9 >= 10 probable major depression"). Every cut-off is evaluated; an
/// alternative threshold for the same purpose (PCL-5 31 beside 33) names its primary in
/// `alternative_to`. Ids are unique across the instrument.
struct cut_off {
    std::string id;
    std::string name;
    comparison test = comparison::at_least;
    double threshold = 0;
    /// The population the threshold was validated for ("women"); empty for everyone.
    std::string population;
    std::optional<std::string> alternative_to;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name), field("test", s.test),
                               field("threshold", s.threshold), field("population", s.population),
                               field("alternative_to", s.alternative_to),
                               field("source", s.source));
    }
};

/// A reliability coefficient with its kind, sample and source.
struct reliability_estimate {
    std::string id;
    reliability_kind kind = reliability_kind::cronbach_alpha;
    double value = 0;
    std::string population;
    std::optional<int> n;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("kind", s.kind), field("value", s.value),
                               field("population", s.population), field("n", s.n),
                               field("source", s.source));
    }
};

/// Mean and SD of a named sample, for clinical-significance criteria and z scores. Several
/// groups per population are allowed (age bands, countries); ids are unique per instrument.
struct norm_group {
    std::string id;
    std::string name;
    norm_population population = norm_population::clinical;
    double mean = 0;
    double sd = 0;
    std::optional<int> n;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name),
                               field("population", s.population), field("mean", s.mean),
                               field("sd", s.sd), field("n", s.n), field("source", s.source));
    }
};

/// A named, rule-based change criterion (NHS Talking Therapies: reliable improvement = a drop
/// of at least 6 PHQ-9 points; caseness >= 10). Published reliable-change values computed
/// with a confidence other than 95 % record it (CORE-10: 6 points at 90 %).
struct change_criterion {
    std::string id;
    std::string name;
    /// Smallest change, in scale points, that counts as reliable.
    double reliable_change = 0;
    /// A score at or above this is a "case" (higher_is_worse) or at or below (higher_is_better).
    std::optional<double> caseness;
    std::optional<double> confidence;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name),
                               field("reliable_change", s.reliable_change),
                               field("caseness", s.caseness), field("confidence", s.confidence),
                               field("source", s.source));
    }
};

/// What change analysis needs about a scale. The first reliability estimate, the first
/// clinical and the first non-clinical norm group are the defaults.
struct scale_psychometrics {
    std::vector<reliability_estimate> reliability;
    std::vector<norm_group> norms;
    std::vector<change_criterion> change_criteria;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("reliability", s.reliability), field("norms", s.norms),
                               field("change_criteria", s.change_criteria));
    }
};

/// A total or a subscale.
struct scale {
    std::string id;
    std::string name;
    scale_role role = scale_role::total;
    std::vector<std::string> items;
    scale_method method = scale_method::sum;
    /// DASS-21 subscales × 2, WHO-5 percentage × 4.
    double multiplier = 1;
    /// Empty: not scorable when any applicable item is missing.
    std::optional<missing_rule> missing;
    std::vector<band_set> band_sets;
    std::vector<cut_off> cut_offs;
    scale_psychometrics psychometrics;
    /// LOINC code of this score where confirmed.
    std::optional<coded_concept> code;
    /// Where the scale's items and method come from, when not from the instrument's citation
    /// (a subscale defined in a later paper).
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name), field("role", s.role),
                               field("items", s.items), field("method", s.method),
                               field("multiplier", s.multiplier), field("missing", s.missing),
                               field("band_sets", s.band_sets), field("cut_offs", s.cut_offs),
                               field("psychometrics", s.psychometrics), field("code", s.code),
                               field("source", s.source));
    }
};

// ---------------------------------------------------------------------------------------------
// Flags and derived rules

/// A critical item: fires when any of its conditions holds, whatever the scales' status.
struct flag_rule {
    std::string id;
    std::string name;
    flag_severity severity = flag_severity::urgent;
    std::vector<condition> any_of;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name),
                               field("severity", s.severity), field("any_of", s.any_of),
                               field("source", s.source));
    }
};

/// Counts the listed items whose scored value passes the test.
struct count_term {
    std::vector<std::string> items;
    comparison test = comparison::at_least;
    double value = 0;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("items", s.items), field("test", s.test),
                               field("value", s.value));
    }
};

/// "At least `at_least` (and at most `at_most`) of the counted items": the count is the sum
/// over the terms (PHQ-9: items 1–8 at >= 2 plus item 9 at >= 1). A criterion may instead, or
/// as well, test a `condition` over items (PG-13-R: the sum of items 3–12 >= 30); it holds
/// when its count and its condition both do.
struct count_criterion {
    std::string name;
    std::vector<count_term> count;
    int at_least = 0;
    std::optional<int> at_most;
    std::optional<condition> when;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("name", s.name), field("count", s.count),
                               field("at_least", s.at_least), field("at_most", s.at_most),
                               field<2>("condition", s.when));
    }
};

/// Met when every criterion holds (PHQ-9 major depressive syndrome, PCL-5 DSM-5 rule).
struct criteria_rule {
    static constexpr const char* variant_tag = "criteria";
    std::vector<count_criterion> all_of;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(theracore::detail::field("all_of", s.all_of));
    }
};

/// One way to reach a triage level.
struct triage_trigger {
    std::string level;
    condition when;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(theracore::detail::field("level", s.level),
                               theracore::detail::field("when", s.when));
    }
};

/// Ordered levels, lowest first; the outcome is the highest level any trigger reaches, or the
/// first level when none does (C-SSRS screener triage).
struct triage_rule {
    static constexpr const char* variant_tag = "triage";
    std::vector<std::string> levels;
    std::vector<triage_trigger> triggers;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(theracore::detail::field("levels", s.levels),
                               theracore::detail::field("triggers", s.triggers));
    }
};

/// A derived algorithm, as data.
struct derived_rule {
    std::string id;
    std::string name;
    std::variant<criteria_rule, triage_rule> rule;
    /// LOINC code of the outcome where confirmed (C-SSRS risk level).
    std::optional<coded_concept> code;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name), field("rule", s.rule),
                               field("code", s.code), field("source", s.source));
    }
};

// ---------------------------------------------------------------------------------------------
// Locales

/// A label for one option of one response scale, in a locale.
struct option_label {
    std::string response_scale;
    double value = 0;
    std::string label;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("response_scale", s.response_scale), field("value", s.value),
                               field("label", s.label));
    }
};

/// The form's wording in one language. Built-in definitions carry locales only where the
/// instrument's licence allows shipping its texts; users add licensed texts as overlays
/// (`with_locale`), which are marked `user_supplied`.
struct instrument_locale {
    /// BCP-47 tag, e.g. "en", "es-MX".
    std::string tag;
    std::string title;
    std::string instructions;
    /// Item id → text.
    std::map<std::string, std::string> item_texts;
    std::vector<option_label> option_labels;
    bool user_supplied = false;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("tag", s.tag), field("title", s.title), field("instructions", s.instructions),
            field("item_texts", s.item_texts), field("option_labels", s.option_labels),
            field("user_supplied", s.user_supplied), field("source", s.source));
    }
};

// ---------------------------------------------------------------------------------------------

/// The plain data of an instrument; `instrument::create` normalizes and checks it.
struct instrument_definition {
    /// Lowercase ASCII letters, digits and `_`, starting with a letter (`phq9`).
    std::string id;
    std::string name;
    /// Version of this definition; recorded with every score.
    std::string version;
    std::string citation;
    licence_terms licence = licence_terms::public_domain;
    /// The rights holder's terms or attribution, quoted, with where they come from.
    std::string licence_note;
    /// Whether the licence allows shipping the form's texts (reference §1); when false, only
    /// user-supplied locales may carry texts.
    bool texts_may_ship = false;
    score_direction direction = score_direction::higher_is_worse;
    /// How answers to this definition are coded unless a caller says otherwise
    /// (`score_options::coding`): every built-in definition takes form positions.
    answer_coding answers = answer_coding::positions;
    /// LOINC panel code where confirmed.
    std::optional<coded_concept> code;
    std::vector<response_scale> response_scales;
    std::vector<item> items;
    std::vector<skip_rule> skip_rules;
    std::vector<scale> scales;
    std::vector<flag_rule> flags;
    std::vector<derived_rule> derived;
    std::vector<instrument_locale> locales;
    /// Tag of the locale offered when none matches the client's language.
    std::string default_locale;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("id", s.id), field("name", s.name), field("instrument_version", s.version),
            field("citation", s.citation), field("licence", s.licence),
            field("licence_note", s.licence_note), field("texts_may_ship", s.texts_may_ship),
            field("direction", s.direction), field<2>("answers", s.answers), field("code", s.code),
            field("response_scales", s.response_scales), field("items", s.items),
            field("skip_rules", s.skip_rules), field("scales", s.scales), field("flags", s.flags),
            field("derived", s.derived), field("locales", s.locales),
            field("default_locale", s.default_locale));
    }
};

/// Choices a caller may make when scoring; the defaults follow the definition exactly.
struct score_options {
    /// How the answers are coded; empty: as the definition states (`answers`). `scores` takes
    /// pre-scored data (as CamCOPS stores CORE-10 items 2–3 and some EPDS data sets are kept):
    /// reverse-keyed items are used as they are, and must lie in the reversed option set.
    std::optional<answer_coding> coding;
    /// Scale id → id of the band set to report (default: each scale's first).
    std::map<std::string, std::string> band_sets;
    /// Scale id → a missing-data rule replacing the definition's (a library policy such as
    /// prorating PHQ-9; results mark it non-standard unless `standard` is set).
    std::map<std::string, missing_rule> missing_rules;
    /// The norm group chosen for this administration, recorded in the result.
    std::optional<std::string> norm_group;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("coding", s.coding), field("band_sets", s.band_sets),
                               field("missing_rules", s.missing_rules),
                               field("norm_group", s.norm_group));
    }
};

}  // namespace instruments
THERACORE_NAMESPACE_END
