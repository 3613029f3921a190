package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Atoi("3") + 1)
	n := strconv.Atoi("4")
	_ = n
}
// Errors:
// main.go:9:14: multiple-value strconv.Atoi("3") (value of type (int, error)) in single-value context
// main.go:10:7: assignment mismatch: 1 variable but strconv.Atoi returns 2 values
