package main

import "strings"

func main() {
	s := strings.Repeat("x", 1<<20)
	n := 0
	for {
		n += strings.Count(s, "y")
	}
}
