#pragma once
#include <winsock2.h>

namespace shim {
// Stores code into *slot when slot is non-null; defined in errors.cpp.
void StoreError(int* slot, int code);
}
