#pragma once
// The sweeper is in retention/ now; bench/retention_sweep.cpp (another branch's) still includes it
// by this name, so this header forwards until that include changes.
#include "retention/retention_sweeper.hpp"
