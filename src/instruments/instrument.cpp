// SPDX-License-Identifier: Apache-2.0
// `instrument` and `scoring_plan`: creating, checking and compiling a definition.
#include <theracore/instruments/instrument.hpp>

#include <memory>
#include <string>
#include <utility>

#include "check.hpp"
#include "plan.hpp"

THERACORE_NAMESPACE_BEGIN
namespace instruments {

const detail::plan& scoring_plan::get() const {
    if (!p_) {
        throw validation_error("cannot score", {{"plan", "empty scoring plan"}});
    }
    return *p_;
}

const std::vector<std::string>& scoring_plan::item_ids() const {
    return get().item_ids;
}

std::size_t scoring_plan::required_columns() const {
    return get().required_columns;
}

const score_options& scoring_plan::options() const {
    return get().options;
}

const std::vector<std::string>& scoring_plan::flag_ids() const {
    return get().flag_ids;
}

const std::vector<std::string>& scoring_plan::cut_off_ids() const {
    return get().cut_off_ids;
}

std::size_t scoring_plan::band_set_index(std::size_t k) const {
    const auto& p = get();
    if (k >= p.scales.size()) {
        throw validation_error("no such scale",
                               {{"scale", std::to_string(k) + " is not below the plan's " +
                                              std::to_string(p.scales.size()) + " scales"}});
    }
    return p.scales[k].band_set;
}

instrument instrument::create(fields f) {
    detail::normalize(f);
    throw_if_invalid(detail::check_definition(f),
                     "invalid instrument definition" + (f.id.empty() ? "" : " " + f.id));
    instrument i;
    i.f_ = std::move(f);
    i.plan_ = scoring_plan(detail::compile(i.f_, {}));
    return i;
}

problem_list instrument::check(fields f) {
    detail::normalize(f);
    return detail::check_definition(f);
}

scoring_plan instrument::compile(const score_options& options) const {
    if (options == score_options{}) {
        return plan();
    }
    (void)plan();
    return scoring_plan(detail::compile(f_, options));
}

problem_list validate(const instrument& i) {
    return instrument::check(i.data());
}

}  // namespace instruments
THERACORE_NAMESPACE_END
