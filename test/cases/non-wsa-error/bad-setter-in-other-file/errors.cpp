#include "errors.hpp"

namespace shim {

void StoreError(int* slot, int code)
{
    if (slot)
        *slot = code;
}

} // namespace shim
