package main

import (
	"fmt"
	"strconv"
)

func main() {
	s := strconv.FormatFloat(1e300, 'f', 100000, 64)
	fmt.Println(len(s), s[:30], s[len(s)-3:])
	t := fmt.Sprintf("%.70000e", 1.0/3)
	fmt.Println(len(t), t[:20], t[len(t)-6:])
	u := strconv.FormatFloat(0.1, 'g', 90000, 32)
	fmt.Println(len(u), u[:12], u[len(u)-3:])
}
