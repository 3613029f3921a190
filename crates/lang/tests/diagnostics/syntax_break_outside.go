package main

import "fmt"

func main() {
	fmt.Println("x")
	break
L:
	for {
		continue M
	}
}
// Errors:
// main.go:7:2: break is not in a loop, switch, or select
// main.go:8:1: label L defined and not used
// main.go:10:12: continue label not defined: M
