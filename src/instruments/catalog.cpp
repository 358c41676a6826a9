// SPDX-License-Identifier: Apache-2.0
// `catalog`: lookup by id, listing and filtering.
#include <theracore/instruments/catalog.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

catalog::catalog(std::vector<instrument> instruments) : instruments_(std::move(instruments)) {
    problem_list p;
    for (std::size_t i = 0; i < instruments_.size(); ++i) {
        const auto path = "[" + std::to_string(i) + "]";
        if (instruments_[i].id().empty()) {
            p.push_back({path, "an empty instrument"});
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (instruments_[j].id() == instruments_[i].id()) {
                p.push_back({path, "duplicate instrument id \"" + instruments_[i].id() + "\""});
            }
        }
    }
    throw_if_invalid(p, "invalid catalog");
}

const instrument* catalog::find(std::string_view id) const noexcept {
    for (const auto& i : instruments_) {
        if (i.id() == id) {
            return &i;
        }
    }
    return nullptr;
}

const instrument& catalog::at(std::string_view id) const {
    if (const auto* i = find(id)) {
        return *i;
    }
    throw not_found("no instrument \"" + std::string(id) + "\" in the catalog");
}

std::vector<std::string> catalog::ids() const {
    std::vector<std::string> out;
    out.reserve(instruments_.size());
    for (const auto& i : instruments_) {
        out.push_back(i.id());
    }
    return out;
}

catalog catalog::filter(const std::function<bool(const instrument&)>& keep) const {
    catalog out;
    std::copy_if(instruments_.begin(), instruments_.end(), std::back_inserter(out.instruments_),
                 keep);
    return out;
}

catalog catalog::with_licences(std::initializer_list<licence_terms> terms) const {
    return filter([&](const instrument& i) {
        return std::find(terms.begin(), terms.end(), i.licence()) != terms.end();
    });
}

catalog catalog::without_licences(std::initializer_list<licence_terms> terms) const {
    return filter([&](const instrument& i) {
        return std::find(terms.begin(), terms.end(), i.licence()) == terms.end();
    });
}

}  // namespace instruments
THERACORE_NAMESPACE_END
