#include <cstdlib>
#include <iostream>

#include "app.hpp"

int main(int argc, char** argv) {
  return assistctl::RunAssistctl(argc, argv, std::cout, std::cerr,
                                 [](const char* name) { return std::getenv(name); });
}
