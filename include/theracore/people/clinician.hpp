// SPDX-License-Identifier: Apache-2.0
/// @file
/// Clinicians and their professional licences.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/people/contact.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

/// A professional licence (e.g. an LPC issued in US-TX). Invariant: it expires after it was
/// issued, and it has a type, jurisdiction and number.
class licence {
  public:
    /// The plain data of a licence; `licence::create` checks it.
    struct fields {
        std::string type;          ///< e.g. "LPC", "LCSW", "Clinical psychologist"
        std::string jurisdiction;  ///< e.g. an ISO 3166-2 code such as "US-TX" or "GB"
        std::string number;
        date issued;
        date expires;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(field("type", s.type), field("jurisdiction", s.jurisdiction),
                                   field("number", s.number), field("issued", s.issued),
                                   field("expires", s.expires));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    licence() = default;

    /// @throws validation_error listing every problem of `f`.
    [[nodiscard]] THERACORE_API static licence create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const std::string& type() const noexcept { return f_.type; }
    [[nodiscard]] const std::string& jurisdiction() const noexcept { return f_.jurisdiction; }
    [[nodiscard]] const std::string& number() const noexcept { return f_.number; }
    [[nodiscard]] date issued() const noexcept { return f_.issued; }
    [[nodiscard]] date expires() const noexcept { return f_.expires; }

    /// True when `on` lies in [issued, expires).
    [[nodiscard]] bool is_current(date on) const noexcept {
        return on >= f_.issued && on < f_.expires;
    }

    friend THERACORE_API bool operator==(const licence& a, const licence& b);
    friend bool operator!=(const licence& a, const licence& b) { return !(a == b); }

  private:
    explicit licence(fields f) : f_(std::move(f)) {}
    fields f_;
};

/// Every problem of `l` (none for a licence made by `create`).
[[nodiscard]] inline problem_list validate(const licence& l) {
    return licence::check(l.data());
}

/// A clinician. `scope_tags` name what they are trained and permitted to do (e.g.
/// "trauma-focused", "couples", "child-adolescent"); referral triggers read them.
struct clinician {
    static constexpr const char* schema_name = "theracore.clinician";
    static constexpr int schema_version = 1;

    clinician_id id;
    human_name name;
    std::vector<std::string> credentials;  ///< e.g. "PhD", "LCSW"
    std::vector<licence> licences;
    std::vector<std::string> scope_tags;
    /// Notes by this clinician need a supervisor's co-signature.
    bool requires_supervision = false;
    std::optional<clinician_id> supervisor;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name),
                               field("credentials", s.credentials), field("licences", s.licences),
                               field("scope_tags", s.scope_tags),
                               field("requires_supervision", s.requires_supervision),
                               field("supervisor", s.supervisor));
    }
};

/// Every problem of `c`. A clinician who requires supervision must name a supervisor who is
/// someone else.
[[nodiscard]] THERACORE_API problem_list validate(const clinician& c);

/// True when `c` carries `tag` in their scope of practice.
[[nodiscard]] THERACORE_API bool has_scope(const clinician& c, const std::string& tag);

}  // namespace people
THERACORE_NAMESPACE_END
