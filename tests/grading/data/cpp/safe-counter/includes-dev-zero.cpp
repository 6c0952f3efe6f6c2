// The preprocessor reads /dev/zero until the compiler runs out of memory.
#include "/dev/zero"

int main() {}
