package main

import "fmt"

var (
	a = b + 1
	b = f()
	c, d = pair()
	total int
)

var registry = map[string]func() int{}

func f() int { return 41 }

func pair() (int, string) { return 1, "one" }

func init() {
	registry["x"] = func() int { return a }
	total = a + b
}

func init() {
	total++
}

func main() {
	fmt.Println(a, b, c, d, total, registry["x"]())
}
