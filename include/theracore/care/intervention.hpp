// SPDX-License-Identifier: Apache-2.0
/// @file
/// Evidence-based therapeutic modalities as data: each is a coded concept with a short
/// description and at least one evidence reference. The built-in catalog covers the common
/// modalities; users extend it (their own codes, their own system) without changing code.
#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

/// One therapeutic modality.
struct intervention_modality {
    /// The modality as a coded concept, e.g. `{urn:theracore:intervention, cbt, Cognitive
    /// behavioural therapy}`.
    coded_concept code;
    /// What the modality does, in a sentence or two, for clinicians choosing between them.
    std::string description;
    /// Published evidence: guidelines, landmark trials, meta-analyses (one citation each).
    std::vector<std::string> evidence;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("code", s.code), field("description", s.description),
                               field("evidence", s.evidence));
    }
};

/// Every problem of `m`: a complete code, a description and at least one evidence reference.
[[nodiscard]] THERACORE_API problem_list validate(const intervention_modality& m);

/// A catalog of modalities. Invariant: every modality is valid and no (system, code) appears
/// twice. Start from `builtin()` and `add` your own, or read a catalog from JSON.
class intervention_catalog {
  public:
    static constexpr const char* schema_name = "theracore.intervention_catalog";
    static constexpr int schema_version = 1;

    /// The plain data of a catalog; `intervention_catalog::create` checks it.
    struct fields {
        std::vector<intervention_modality> modalities;

        template <class Self>
        static auto describe(Self& s) {
            return std::make_tuple(detail::field("modalities", s.modalities));
        }
    };

    /// An empty catalog.
    intervention_catalog() = default;

    /// @throws validation_error listing every invalid or duplicated modality.
    [[nodiscard]] THERACORE_API static intervention_catalog create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    /// The eighteen built-in modalities, each citing published evidence (a clinical guideline,
    /// a landmark trial or a meta-analysis). Codes are in `code_systems::theracore_interventions`.
    [[nodiscard]] THERACORE_API static intervention_catalog builtin();

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const std::vector<intervention_modality>& modalities() const noexcept {
        return f_.modalities;
    }
    [[nodiscard]] std::size_t size() const noexcept { return f_.modalities.size(); }

    /// The modality whose system and code match `code` (display is ignored), or nullptr.
    [[nodiscard]] THERACORE_API const intervention_modality* find(
        const coded_concept& code) const noexcept;

    /// True when the catalog holds `code`.
    [[nodiscard]] bool contains(const coded_concept& code) const noexcept {
        return find(code) != nullptr;
    }

    /// The modality with `code` in `system` (TheraCore's own system by default).
    /// @throws not_found when the catalog has no such modality.
    [[nodiscard]] THERACORE_API const intervention_modality& at(
        const std::string& code,
        const std::string& system = code_systems::theracore_interventions) const;

    /// Adds a user-defined modality.
    /// @throws validation_error when `m` is incomplete; conflict when its code is already in
    /// the catalog (the catalog is unchanged either way).
    THERACORE_API void add(intervention_modality m);

    friend THERACORE_API bool operator==(const intervention_catalog& a,
                                         const intervention_catalog& b);
    friend bool operator!=(const intervention_catalog& a, const intervention_catalog& b) {
        return !(a == b);
    }

  private:
    explicit intervention_catalog(fields f) : f_(std::move(f)) {}

    static bool same_code(const coded_concept& a, const coded_concept& b) noexcept {
        return a.system == b.system && a.code == b.code;
    }

    fields f_;
};

/// Every problem of `c` (none for a catalog made by `create`).
[[nodiscard]] inline problem_list validate(const intervention_catalog& c) {
    return intervention_catalog::check(c.data());
}

/// The coded concept of a built-in modality, e.g. `builtin_intervention("cbt")`.
/// @throws not_found for a code that is not built in.
[[nodiscard]] THERACORE_API coded_concept builtin_intervention(const std::string& code);

}  // namespace care
THERACORE_NAMESPACE_END
