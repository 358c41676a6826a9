// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/clinical_significance.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

std::string sign_word(double sign, bool for_a) {
    const bool minus = for_a ? sign > 0 : sign < 0;
    return minus ? "−" : "+";
}

void check_usable(cutoff_estimate& e, const std::optional<score_range>& range,
                  const std::string& name) {
    if (!e.value) {
        return;
    }
    if (range && !contains(*range, *e.value)) {
        e.usable = false;
        e.note = name + " = " + number(*e.value) + " lies outside the score range " +
                 range_text(*range) + ", so no score can cross it";
        return;
    }
    e.usable = true;
    if (!range) {
        e.note += (e.note.empty() ? "" : "; ") +
                  std::string("score range not given, so not checked against it");
    }
}

jacobson_truax_cutoffs cutoffs_unchecked(const change_parameters& p) {
    jacobson_truax_cutoffs out;
    out.parameters = p;
    out.a.criterion = cutoff_criterion::a;
    out.b.criterion = cutoff_criterion::b;
    out.c.criterion = cutoff_criterion::c;
    const double sign = p.direction == score_direction::lower_is_better ? 1.0 : -1.0;
    if (p.dysfunctional) {
        out.a.value = p.dysfunctional->mean - sign * 2 * p.dysfunctional->sd;
        out.a.note = "M1 " + sign_word(sign, true) + " 2·s1 (" + p.dysfunctional->source + ")";
    } else {
        out.a.note = "needs dysfunctional norms (M1, s1)";
    }
    if (p.functional) {
        out.b.value = p.functional->mean + sign * 2 * p.functional->sd;
        out.b.note = "M0 " + sign_word(sign, false) + " 2·s0 (" + p.functional->source + ")";
    } else {
        out.b.note = "needs functional norms (M0, s0)";
    }
    if (p.functional && p.dysfunctional) {
        const auto& f = *p.functional;
        const auto& d = *p.dysfunctional;
        out.c.value = (f.sd * d.mean + d.sd * f.mean) / (f.sd + d.sd);
        out.c.note = "(s0·M1 + s1·M0) / (s0 + s1)";
    } else {
        out.c.note = "needs functional and dysfunctional norms";
    }
    check_usable(out.a, p.range, "a");
    check_usable(out.b, p.range, "b");
    check_usable(out.c, p.range, "c");
    return out;
}

}  // namespace detail

jacobson_truax_cutoffs clinical_cutoffs(const change_parameters& p) {
    detail::throw_if_invalid_argument("parameters", validate(p), "invalid change parameters");
    return detail::cutoffs_unchecked(p);
}

namespace detail {

cutoff_estimate select_cutoff(const change_parameters& p, cutoff_criterion criterion,
                              const std::optional<clinical_cutoff>& published) {
    if (criterion == cutoff_criterion::published) {
        cutoff_estimate e;
        e.criterion = cutoff_criterion::published;
        e.value = published->value;
        e.at_value = published->at_value;
        e.note = published->source;
        check_usable(e, p.range, "the published cut-off");
        return e;
    }
    const auto all = cutoffs_unchecked(p);
    return criterion == cutoff_criterion::a   ? all.a
           : criterion == cutoff_criterion::b ? all.b
                                              : all.c;
}

std::optional<jacobson_truax_category> category_of(change_kind kind,
                                                   std::optional<bool> pre_clinical,
                                                   std::optional<bool> post_clinical) {
    switch (kind) {
        case change_kind::reliable_deterioration:
            return jacobson_truax_category::deteriorated;
        case change_kind::no_reliable_change:
            return jacobson_truax_category::unchanged;
        case change_kind::reliable_improvement:
            if (pre_clinical && post_clinical) {
                return *pre_clinical && !*post_clinical ? jacobson_truax_category::recovered
                                                        : jacobson_truax_category::improved;
            }
            break;
    }
    return std::nullopt;
}

jacobson_truax_outcome classify_outcome(const reliable_change& rc, const cutoff_estimate& cutoff) {
    jacobson_truax_outcome out;
    out.change = rc;
    out.cutoff = cutoff;
    const auto d = rc.threshold.parameters.direction;
    if (cutoff.usable && cutoff.value) {
        const clinical_cutoff c{*cutoff.value, cutoff.at_value, {}};
        out.pre_clinical = is_clinical(rc.pre, c, d);
        out.post_clinical = is_clinical(rc.post, c, d);
    }
    out.category = category_of(rc.kind, out.pre_clinical, out.post_clinical);
    return out;
}

void check_published(problem_list& p, cutoff_criterion criterion,
                     const std::optional<clinical_cutoff>& published) {
    if (criterion == cutoff_criterion::published && !published) {
        p.push_back({"published", "required when the criterion is \"published\""});
    }
    if (published) {
        theracore::detail::append_prefixed(p, "published", validate(*published));
    }
}

}  // namespace detail

cutoff_estimate select_clinical_cutoff(const change_parameters& p, cutoff_criterion criterion,
                                       const std::optional<clinical_cutoff>& published) {
    problem_list problems;
    theracore::detail::append_prefixed(problems, "parameters", validate(p));
    detail::check_published(problems, criterion, published);
    throw_if_invalid(problems, "invalid cut-off choice");
    return detail::select_cutoff(p, criterion, published);
}

jacobson_truax_outcome jacobson_truax(const instrument_score& pre, const instrument_score& post,
                                      const change_parameters& p, cutoff_criterion criterion,
                                      const std::optional<clinical_cutoff>& published) {
    auto problems = detail::check_pair(pre, post, p);
    detail::check_published(problems, criterion, published);
    throw_if_invalid(problems, "invalid clinical significance input");
    const auto rc = detail::rci_unchecked(pre.value, post.value, detail::threshold_unchecked(p));
    return detail::classify_outcome(rc, detail::select_cutoff(p, criterion, published));
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
