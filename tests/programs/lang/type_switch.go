// Language: type switches and type assertions.
package main

import "fmt"

type Celsius float64

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string of length %d", len(x))
	case Celsius:
		return fmt.Sprintf("temperature %.1f", float64(x))
	case error:
		return "error: " + x.Error()
	case []int, map[string]int:
		return fmt.Sprintf("collection %v", x)
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	values := []interface{}{nil, 7, "héllo", Celsius(21.5), fmt.Errorf("bad"), []int{1}, map[string]int{"a": 1}, 2.5, true}
	for _, v := range values {
		fmt.Println(describe(v))
	}
	var v interface{} = "text"
	if s, ok := v.(string); ok {
		fmt.Println("is a string:", s)
	}
	_, ok := v.(int)
	fmt.Println("is an int:", ok)
}

// Output:
// nil
// int 7
// string of length 6
// temperature 21.5
// error: bad
// collection [1]
// collection map[a:1]
// other float64
// other bool
// is a string: text
// is an int: false
