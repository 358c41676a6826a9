// SPDX-License-Identifier: Apache-2.0
#include <theracore/people/clinician.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

licence licence::create(fields f) {
    throw_if_invalid(check(f), "invalid licence");
    return licence(std::move(f));
}

problem_list licence::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "type", f.type);
    detail::require_nonempty(p, "jurisdiction", f.jurisdiction);
    detail::require_nonempty(p, "number", f.number);
    if (f.issued.is_special()) {
        p.push_back({"issued", "required"});
    }
    if (f.expires.is_special()) {
        p.push_back({"expires", "required"});
    }
    if (!f.issued.is_special() && !f.expires.is_special() && f.expires <= f.issued) {
        p.push_back({"expires", "a licence must expire after it was issued (issued " +
                                    to_iso8601(f.issued) + ", expires " + to_iso8601(f.expires) +
                                    ")"});
    }
    return p;
}

problem_list validate(const clinician& c) {
    problem_list p;
    detail::require_nonempty(p, "id", c.id);
    detail::append_prefixed(p, "name", validate(c.name));
    detail::validate_each(p, "licences", c.licences);
    if (c.requires_supervision && !c.supervisor) {
        p.push_back({"supervisor", "required when requires_supervision is true"});
    }
    if (c.supervisor && *c.supervisor == c.id) {
        p.push_back({"supervisor", "a clinician cannot supervise themselves"});
    }
    return p;
}

bool has_scope(const clinician& c, const std::string& tag) {
    for (const auto& t : c.scope_tags) {
        if (t == tag) {
            return true;
        }
    }
    return false;
}

bool operator==(const licence& a, const licence& b) {
    return a.f_ == b.f_;
}

}  // namespace people
THERACORE_NAMESPACE_END
