// SPDX-License-Identifier: Apache-2.0
// Writes docs/instruments.md from the built-in definitions, so the catalog's documentation
// cannot drift from what the library scores. `theracore_instrument_docs --help` for usage.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/instruments/detail/check.hpp>

namespace ti = theracore::instruments;
using theracore::instruments::detail::num;

namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ") {
    std::string s;
    for (const auto& x : v) {
        s += (s.empty() ? "" : sep) + x;
    }
    return s;
}

/// Markdown table cells must not contain `|` or line breaks.
std::string cell(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string item_numbers(const ti::instrument& inst, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
        const auto i = inst.item_index(id);
        out.push_back(i ? std::to_string(*i + 1) : id);
    }
    return join(out);
}

std::string condition_text(const ti::instrument& inst, const ti::condition& c) {
    const std::string items =
        "item" + std::string(c.items.size() > 1 ? "s " : " ") + item_numbers(inst, c.items);
    const std::string test = std::string(theracore::to_string(c.test)) + " " + num(c.value);
    return c.match == ti::condition_match::sum ? "sum of " + items + " " + test
                                               : "any of " + items + " " + test;
}

std::string range_text(const ti::instrument& inst, const ti::scale& s) {
    const auto r = ti::detail::range_of(inst.data(), s);
    return r.bounded ? num(r.lo) + "–" + num(r.hi) : "unbounded";
}

std::string missing_text(const ti::scale& s) {
    if (!s.missing) {
        return "not scorable if any item is missing (no published rule)";
    }
    const auto& m = *s.missing;
    std::string t = "at most " + std::to_string(m.max_missing) + " missing, prorated (" +
                    std::string(theracore::to_string(m.prorate)) + ", rounding " +
                    std::string(theracore::to_string(m.rounding)) + ")";
    if (!m.required.empty()) {
        t += "; required: " + join(m.required);
    }
    if (!m.standard) {
        t += "; non-standard library policy";
    }
    return t + ". Source: " + m.source;
}

void write_instrument(std::ostream& o, const ti::instrument& inst) {
    const auto& d = inst.data();
    o << "## " << d.name << " (`" << d.id << "`)\n\n";
    o << "- **Definition version:** " << d.version << "\n";
    o << "- **Citation:** " << d.citation << "\n";
    o << "- **Licence:** `" << theracore::to_string(d.licence) << "`. " << d.licence_note << "\n";
    o << "- **Item texts shipped:** "
      << (d.locales.empty() ? "none (neutral labels; load licensed texts as a locale)"
                            : [&] {
                                  std::vector<std::string> tags;
                                  for (const auto& l : d.locales) {
                                      tags.push_back(l.tag);
                                  }
                                  return join(tags);
                              }())
      << "\n";
    o << "- **Direction:** " << theracore::to_string(d.direction) << "\n";
    if (d.code) {
        o << "- **LOINC panel:** " << d.code->code << "\n";
    }
    o << "- **Items:** " << d.items.size() << "; answers coded as **"
      << theracore::to_string(d.answers) << "** ("
      << (d.answers == ti::answer_coding::positions
              ? "the option values as the form lists them, before reverse keying"
              : "item scores, already reverse keyed")
      << "): ";
    std::vector<std::string> scales;
    for (const auto& rs : d.response_scales) {
        std::vector<std::string> values;
        for (const auto& opt : rs.options) {
            values.push_back(num(opt.value) + (opt.not_applicable ? " (not applicable)" : ""));
        }
        scales.push_back("`" + rs.id + "` " +
                         (rs.range ? "range from " + num(rs.range->min) +
                                         (rs.range->max ? " to " + num(*rs.range->max) : "")
                                   : "{" + join(values) + "}"));
    }
    o << join(scales, "; ") << "\n";
    std::vector<std::string> reversed;
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        if (d.items[i].reverse) {
            reversed.push_back(std::to_string(i + 1));
        }
    }
    if (!reversed.empty()) {
        o << "- **Reverse-keyed items:** " << join(reversed)
          << " (scored = lowest + highest option − answer when answers are positions; pre-scored "
             "data: score with `coding` = `scores`, and `check_answer_coding` tells a batch's "
             "coding apart)\n";
    }
    o << "\n";
    if (!d.skip_rules.empty()) {
        o << "**Skip rules**\n\n";
        for (const auto& r : d.skip_rules) {
            o << "- `" << r.id << "`: when " << condition_text(inst, r.when) << ", items "
              << item_numbers(inst, r.skip) << " are not asked and "
              << (r.score_as ? "score " + num(*r.score_as) : std::string("do not apply"))
              << ". Source: " << r.source << "\n";
        }
        o << "\n";
    }
    if (!d.scales.empty()) {
        o << "**Scales**\n\n| scale | role | items | method | range | missing data |\n"
          << "|---|---|---|---|---|---|\n";
        for (const auto& s : d.scales) {
            std::string method = std::string(theracore::to_string(s.method));
            if (s.multiplier != 1) {
                method += " × " + num(s.multiplier);
            }
            o << "| `" << s.id << "` " << cell(s.name) << " | " << theracore::to_string(s.role)
              << " | " << item_numbers(inst, s.items) << " | " << method << " | "
              << range_text(inst, s) << " | " << cell(missing_text(s)) << " |\n";
        }
        o << "\n";
        // A scale's source also says what was left out as unconfirmed; readers need that too.
        for (const auto& s : d.scales) {
            if (!s.source.empty()) {
                o << "- `" << s.id << "`: " << s.source << "\n";
            }
        }
        if (std::any_of(d.scales.begin(), d.scales.end(),
                        [](const ti::scale& s) { return !s.source.empty(); })) {
            o << "\n";
        }
        for (const auto& s : d.scales) {
            for (const auto& bs : s.band_sets) {
                o << "**Bands of `" << s.id << "`: " << bs.name << "**"
                  << (bs.standard ? "" : " (convention, not the authors')") << "\n\n";
                o << "| range | band |\n|---|---|\n";
                for (const auto& b : bs.bands) {
                    o << "| " << num(b.min) << "–" << num(b.max) << " | " << cell(b.label)
                      << " |\n";
                }
                o << "\nSource: " << bs.source << "\n\n";
            }
        }
        bool any_cut = false;
        for (const auto& s : d.scales) {
            any_cut = any_cut || !s.cut_offs.empty();
        }
        if (any_cut) {
            o << "**Cut-offs**\n\n| scale | cut-off | test | source |\n|---|---|---|---|\n";
            for (const auto& s : d.scales) {
                for (const auto& c : s.cut_offs) {
                    o << "| `" << s.id << "` | `" << c.id << "` " << cell(c.name)
                      << (c.alternative_to ? " (alternative to `" + *c.alternative_to + "`)"
                                           : std::string())
                      << (c.population.empty() ? "" : " — " + c.population) << " | "
                      << theracore::to_string(c.test) << " " << num(c.threshold) << " | "
                      << cell(c.source) << " |\n";
                }
            }
            o << "\n";
        }
    }
    if (!d.flags.empty()) {
        o << "**Flags** (raised even when no scale can be scored)\n\n"
          << "| flag | severity | when | source |\n|---|---|---|---|\n";
        for (const auto& f : d.flags) {
            std::vector<std::string> conds;
            for (const auto& c : f.any_of) {
                conds.push_back(condition_text(inst, c));
            }
            o << "| `" << f.id << "` " << cell(f.name) << " | " << theracore::to_string(f.severity)
              << " | " << cell(join(conds, "; or ")) << " | " << cell(f.source) << " |\n";
        }
        o << "\n";
    }
    if (!d.derived.empty()) {
        o << "**Derived rules**\n\n";
        for (const auto& r : d.derived) {
            o << "- `" << r.id << "` " << r.name << ": ";
            if (const auto* c = std::get_if<ti::criteria_rule>(&r.rule)) {
                std::vector<std::string> parts;
                for (const auto& k : c->all_of) {
                    std::vector<std::string> terms;
                    for (const auto& t : k.count) {
                        terms.push_back("items " + item_numbers(inst, t.items) + " " +
                                        std::string(theracore::to_string(t.test)) + " " +
                                        num(t.value));
                    }
                    std::string part;
                    if (!terms.empty()) {
                        part = "at least " + std::to_string(k.at_least) +
                               (k.at_most ? " and at most " + std::to_string(*k.at_most)
                                          : std::string()) +
                               " of (" + join(terms, " plus ") + ")";
                    }
                    if (k.when) {
                        part += (part.empty() ? "" : " and ") + condition_text(inst, *k.when);
                    }
                    parts.push_back(k.name.empty() ? part : k.name + " [" + part + "]");
                }
                o << "met when " << join(parts, "; and ");
            } else {
                const auto& t = std::get<ti::triage_rule>(r.rule);
                std::vector<std::string> triggers;
                for (const auto& trig : t.triggers) {
                    triggers.push_back(trig.level + " if " + condition_text(inst, trig.when));
                }
                o << "levels " << join(t.levels, " < ") << "; " << join(triggers, "; ")
                  << "; the highest level reached applies";
            }
            o << ". Source: " << r.source << "\n";
        }
        o << "\n";
    }
    bool any_psy = false;
    for (const auto& s : d.scales) {
        const auto& p = s.psychometrics;
        any_psy =
            any_psy || !p.reliability.empty() || !p.norms.empty() || !p.change_criteria.empty();
    }
    if (any_psy) {
        o << "**Psychometrics**\n\n";
        for (const auto& s : d.scales) {
            const auto& p = s.psychometrics;
            for (const auto& r : p.reliability) {
                o << "- `" << s.id << "` reliability `" << r.id
                  << "`: " << theracore::to_string(r.kind) << " " << num(r.value) << " ("
                  << r.population << "). Source: " << r.source << "\n";
            }
            for (const auto& g : p.norms) {
                o << "- `" << s.id << "` norm `" << g.id << "` ("
                  << theracore::to_string(g.population) << "): " << g.name << ", mean "
                  << num(g.mean) << ", SD " << num(g.sd)
                  << (g.n ? ", n " + std::to_string(*g.n) : std::string())
                  << ". Source: " << g.source << "\n";
            }
            for (const auto& c : p.change_criteria) {
                o << "- `" << s.id << "` change criterion `" << c.id << "`: " << c.name
                  << ": reliable change " << num(c.reliable_change) << " points"
                  << (c.confidence ? " (" + num(*c.confidence * 100) + " % confidence)"
                                   : std::string())
                  << (c.caseness ? ", caseness " + num(*c.caseness) : std::string())
                  << ". Source: " << c.source << "\n";
            }
        }
        o << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Writes the Markdown page of TheraCore's built-in instruments (docs/instruments.md) from "
        "the definitions compiled into the library.\n\nExamples:\n"
        "  theracore_instrument_docs --output docs/instruments.md\n"
        "  theracore_instrument_docs | less",
        "theracore_instrument_docs"};
    std::string output;
    app.add_option("-o,--output", output, "File to write (default: standard output)");
    CLI11_PARSE(app, argc, argv);

    const auto& cat = ti::builtin_catalog();
    std::ostringstream o;
    o << "<!-- SPDX-License-Identifier: Apache-2.0 -->\n"
      << "<!-- Generated from src/instruments/definitions/*.json by theracore_instrument_docs. "
         "Do not edit: run `cmake --build <build dir> --target instrument_docs`. -->\n"
      << "# Built-in instruments\n\n"
      << "Every number below is read from the definitions the library scores with; each cites "
         "its source. Item texts ship only where the licence allows (see each instrument's "
         "licence); elsewhere items have neutral labels and licensed texts can be loaded as a "
         "locale overlay. The format is described in [instrument-format.md]"
         "(instrument-format.md).\n\n"
      << "| id | instrument | items | licence | LOINC panel |\n|---|---|---|---|---|\n";
    for (const auto& inst : cat.instruments()) {
        const auto& d = inst.data();
        o << "| `" << d.id << "` | " << cell(d.name) << " | " << d.items.size() << " | `"
          << theracore::to_string(d.licence) << "` | " << (d.code ? d.code->code : "—") << " |\n";
    }
    o << "\nA commercial product can drop the non-commercial instruments in one call: "
         "`builtin_catalog().without_licences({licence_terms::non_commercial})`.\n\n";
    for (const auto& inst : cat.instruments()) {
        write_instrument(o, inst);
    }
    std::string text = o.str();
    while (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') {
        text.pop_back();
    }
    if (output.empty()) {
        std::cout << text;
        return std::cout ? EXIT_SUCCESS : EXIT_FAILURE;
    }
    std::ofstream out(output, std::ios::binary);
    out << text;
    if (!out) {
        std::cerr << "theracore_instrument_docs: cannot write " << output << "\n";
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
