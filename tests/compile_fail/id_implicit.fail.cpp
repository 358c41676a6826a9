// SPDX-License-Identifier: Apache-2.0
// expect: conversion from .std::(__cxx11::)?(basic_)?string
// A raw string does not silently become an identifier.
#include <string>

#include <theracore/id.hpp>

int main() {
#ifdef THERACORE_COMPILE_FAIL_CONTROL
    theracore::client_id client{std::string("42")};
#else
    theracore::client_id client = std::string("42");
#endif
    return client.empty() ? 1 : 0;
}
