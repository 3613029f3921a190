// Language: functions as values, method values and method expressions.
package main

import (
	"fmt"
	"strings"
)

type Greeter struct{ name string }

func (g Greeter) Greet(who string) string { return g.name + " greets " + who }

func apply(fs map[string]func(int) int, keys []string, v int) {
	for _, k := range keys {
		fmt.Println(k, fs[k](v))
	}
}

func main() {
	ops := map[string]func(int) int{
		"double": func(x int) int { return x * 2 },
		"square": func(x int) int { return x * x },
	}
	apply(ops, []string{"double", "square"}, 7)
	g := Greeter{"Ana"}
	f := g.Greet
	g.name = "Bia"
	fmt.Println(f("Caio"))
	h := Greeter.Greet
	fmt.Println(h(g, "Davi"))
	up := strings.ToUpper
	fmt.Println(up("shout"))
	var nilFn func()
	fmt.Println(nilFn == nil)
	fmt.Printf("%T\n", h)
}

// Output:
// double 14
// square 49
// Ana greets Caio
// Bia greets Davi
// SHOUT
// true
// func(main.Greeter, string) string
