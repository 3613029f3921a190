package main

import (
	"fmt"
	"os"
	r "math/rand"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Wait()
}
// Errors:
// main.go:4:2: "fmt" imported and not used
// main.go:5:2: "os" imported and not used
// main.go:6:2: "math/rand" imported as r and not used
