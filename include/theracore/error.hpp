// SPDX-License-Identifier: Apache-2.0
/// @file
/// The one exception hierarchy of TheraCore.
///
/// | exception          | thrown when                                                         |
/// |--------------------|---------------------------------------------------------------------|
/// | `validation_error` | a value breaks a rule; lists every problem as `{path, message}`     |
/// | `parse_error`      | serialized input is malformed; names the path (`client.date_of_birth`) |
/// | `not_found`        | a lookup by id or name finds nothing                                |
/// | `conflict`         | an operation is invalid in the current state (stale revision, invalid
/// status transition, editing a signed note) | | `access_denied`    | the caller may not perform
/// the operation                            | | `storage_error`    | a storage backend failed;
/// carries a portable category and the backend's native code |
///
/// All derive from `theracore::error`, which derives from `std::runtime_error`.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN

/// Root of every exception TheraCore throws.
class THERACORE_API error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
    error(const error&) = default;
    error& operator=(const error&) = default;
    ~error() override;
};

/// One finding: where (a dotted path such as `licences[0].expires`) and what is wrong.
struct problem {
    std::string path;
    std::string message;

    friend bool operator==(const problem& a, const problem& b) {
        return a.path == b.path && a.message == b.message;
    }
    friend bool operator!=(const problem& a, const problem& b) { return !(a == b); }
};

/// A list of problems, collected so that a caller sees every problem at once.
using problem_list = std::vector<problem>;

namespace detail {
/// `what` followed by one indented `path: message` line per problem.
[[nodiscard]] THERACORE_API std::string join_problems(const std::string& what,
                                                      const problem_list& problems);
}  // namespace detail

/// A value breaks one or more rules. `problems()` lists every one of them.
class THERACORE_API validation_error : public error {
  public:
    validation_error(const validation_error&) = default;
    validation_error& operator=(const validation_error&) = default;
    ~validation_error() override;
    validation_error(const std::string& what, problem_list problems)
        : error(detail::join_problems(what, problems)), problems_(std::move(problems)) {}
    explicit validation_error(problem_list problems)
        : validation_error("validation failed", std::move(problems)) {}

    [[nodiscard]] const problem_list& problems() const noexcept { return problems_; }

  private:
    problem_list problems_;
};

/// Serialized input is malformed. `path()` names where (e.g. `client.date_of_birth`),
/// `reason()` what is wrong; `what()` is `path: reason`.
class THERACORE_API parse_error : public error {
  public:
    parse_error(const parse_error&) = default;
    parse_error& operator=(const parse_error&) = default;
    ~parse_error() override;
    parse_error(std::string path, std::string reason)
        : error(path.empty() ? reason : path + ": " + reason),
          path_(std::move(path)),
          reason_(std::move(reason)) {}

    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

    /// The same error seen from one level up: `prefix` is a key or an `[index]`.
    [[nodiscard]] parse_error with_prefix(const std::string& prefix) const {
        if (path_.empty()) {
            return parse_error(prefix, reason_);
        }
        const bool index = !path_.empty() && path_.front() == '[';
        return parse_error(prefix + (index ? "" : ".") + path_, reason_);
    }

  private:
    std::string path_;
    std::string reason_;
};

/// A lookup found nothing.
class THERACORE_API not_found : public error {
  public:
    using error::error;
    not_found(const not_found&) = default;
    not_found& operator=(const not_found&) = default;
    ~not_found() override;
};

/// The operation is invalid in the current state: a stale revision, an invalid status
/// transition (the message names both states), an edit of a signed record.
class THERACORE_API conflict : public error {
  public:
    using error::error;
    conflict(const conflict&) = default;
    conflict& operator=(const conflict&) = default;
    ~conflict() override;
};

/// The caller is not allowed to perform the operation.
class THERACORE_API access_denied : public error {
  public:
    using error::error;
    access_denied(const access_denied&) = default;
    access_denied& operator=(const access_denied&) = default;
    ~access_denied() override;
};

/// Portable classification of a storage failure.
enum class storage_errc {
    unavailable,      ///< cannot open or connect
    busy,             ///< locked or timed out
    constraint,       ///< a database constraint rejected the data
    schema_mismatch,  ///< the database was written by a newer schema or is not ours
    corrupt,          ///< integrity check failed
    io,               ///< disk or network I/O failed
    other,            ///< anything else; see native_code()
};

/// A storage backend failed. `category()` is portable, `native_code()` the backend's own code
/// (an SQLite extended result code, a PostgreSQL SQLSTATE) for logs and support.
class THERACORE_API storage_error : public error {
  public:
    storage_error(const storage_error&) = default;
    storage_error& operator=(const storage_error&) = default;
    ~storage_error() override;
    storage_error(storage_errc category, std::string native_code, const std::string& what)
        : error(what), category_(category), native_code_(std::move(native_code)) {}

    [[nodiscard]] storage_errc category() const noexcept { return category_; }
    [[nodiscard]] const std::string& native_code() const noexcept { return native_code_; }

  private:
    storage_errc category_;
    std::string native_code_;
};

/// Throws `validation_error(what, problems)` when `problems` is not empty.
inline void throw_if_invalid(const problem_list& problems, const std::string& what) {
    if (!problems.empty()) {
        throw validation_error(what, problems);
    }
}

THERACORE_NAMESPACE_END
