package criteria

import (
	"fmt"
	"math"

	"dangjian/data"
)

// Warning is a sum that does not add up; the set can still be saved (users re-weight step by
// step), but the editor shows it until it does.
type Warning struct {
	Dimension int // index into Set.Dimensions; -1 for the whole set
	Message   string
}

// Check adds up the set: the weights of the ordinary dimensions come to 100, each dimension's
// indicator max points come to its weight, and a bonus dimension stays within its cap.
func Check(set Set) []Warning {
	var out []Warning
	total := 0.0
	for di, d := range set.Dimensions {
		sum := 0.0
		for _, in := range d.Indicators {
			sum += in.Max
		}
		if d.Bonus {
			if d.Cap <= 0 {
				out = append(out, Warning{di, fmt.Sprintf("加分项“%s”没有上限，请填写上限（如 5 分）", d.Name)})
			} else if sum < d.Cap-0.001 {
				out = append(out, Warning{di, fmt.Sprintf("加分项“%s”各指标分值合计 %s，低于上限 %s", d.Name, FormatPoints(sum), FormatPoints(d.Cap))})
			}
			continue
		}
		total += d.Weight
		if math.Abs(sum-d.Weight) > 0.001 {
			out = append(out, Warning{di, fmt.Sprintf("“%s”权重 %s，但其二级指标分值合计 %s", d.Name, FormatPoints(d.Weight), FormatPoints(sum))})
		}
	}
	if math.Abs(total-100) > 0.001 {
		out = append(out, Warning{-1, fmt.Sprintf("一级指标权重合计 %s，应为 100", FormatPoints(total))})
	}
	return out
}

// Validate refuses what cannot be scored at all: nameless rows, non-positive max points,
// unknown methods, levels above the max, two indicators with one name (the sheet import finds
// rows by name).
func Validate(set Set) data.Invalid {
	var v data.Invalid
	add := func(msg string, args ...any) {
		v = append(v, data.FieldError{Field: "Set", Message: fmt.Sprintf(msg, args...)})
	}
	if set.Year < 2000 || set.Year > 2100 {
		add("年度 %d 不对，请填写四位年份", set.Year)
	}
	if set.Name == "" {
		add("请填写指标体系名称")
	}
	seen := map[string]bool{}
	for _, d := range set.Dimensions {
		if d.Name == "" {
			add("有一个一级指标没有名称")
		}
		if d.Weight < 0 {
			add("“%s”的权重不能为负数", d.Name)
		}
		for _, in := range d.Indicators {
			if in.Name == "" {
				add("“%s”下有一个二级指标没有名称", d.Name)
				continue
			}
			if seen[in.Name] {
				add("二级指标“%s”重名，请改成不同的名称", in.Name)
			}
			seen[in.Name] = true
			if in.Max <= 0 {
				add("“%s”的分值应大于 0", in.Name)
			}
			if !knownMethod(in.Method) {
				add("“%s”的方法“%s”无法识别，应为扣分、分档、加分、测评或计算", in.Name, in.Method)
			}
			for _, l := range in.Levels {
				if l < 0 || l > in.Max {
					add("“%s”的分档 %s 超出 0–%s", in.Name, FormatPoints(l), FormatPoints(in.Max))
				}
			}
		}
	}
	return v
}

func knownMethod(m Method) bool {
	for _, k := range Methods {
		if k == m {
			return true
		}
	}
	return false
}
