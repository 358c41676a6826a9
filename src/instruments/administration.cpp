// SPDX-License-Identifier: Apache-2.0
#include <theracore/instruments/administration.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

problem_list validate(const administration& a) {
    problem_list p;
    theracore::detail::require_nonempty(p, "id", a.id);
    theracore::detail::require_nonempty(p, "client", a.client);
    theracore::detail::require_nonempty(p, "instrument", a.instrument);
    theracore::detail::require_nonempty(p, "instrument_version", a.instrument_version);
    if (a.episode && a.episode->empty()) {
        p.push_back({"episode", "an empty id; leave it out instead"});
    }
    if (a.administered_by && a.administered_by->empty()) {
        p.push_back({"administered_by", "an empty id; leave it out instead"});
    }
    if (a.administered_at.is_special()) {
        p.push_back({"administered_at", "required"});
    }
    if (a.locale) {
        theracore::detail::append_prefixed(p, "locale", validate(*a.locale));
        if (a.locale->system != code_systems::bcp47) {
            p.push_back({"locale.system", std::string("a language must be a BCP-47 tag (system ") +
                                              code_systems::bcp47 + ")"});
        }
    }
    theracore::detail::append_prefixed(p, "result", instruments::validate(a.result));
    if (a.result.provenance.instrument != a.instrument ||
        a.result.provenance.instrument_version != a.instrument_version) {
        p.push_back({"result.provenance", "scored with " + a.result.provenance.instrument + " " +
                                              a.result.provenance.instrument_version +
                                              ", but the administration is of " + a.instrument +
                                              " " + a.instrument_version});
    }
    return p;
}

administration administer(const instruments::instrument& inst, administration_id id,
                          client_id client, instant administered_at, instruments::responses answers,
                          const instruments::score_options& options) {
    administration a;
    a.result = instruments::score(inst, answers, options);
    a.id = std::move(id);
    a.client = std::move(client);
    a.instrument = inst.id();
    a.instrument_version = inst.version();
    a.administered_at = administered_at;
    a.responses = std::move(answers);
    return a;
}

}  // namespace instruments
THERACORE_NAMESPACE_END
