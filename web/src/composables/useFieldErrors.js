// Server-side form errors: a 400 problem naming a `field` shown by the form item of that
// field (el-form-item :error), anything else shown as one alert above the form.
import { reactive, shallowRef } from 'vue'

export function useFieldErrors(fields) {
  const errors = reactive(Object.fromEntries(fields.map((f) => [f, ''])))
  const problem = shallowRef(null)

  function clear() {
    for (const key of Object.keys(errors)) errors[key] = ''
    problem.value = null
  }

  // `shown(field)` says whether that field is on screen now; a message for a hidden field
  // goes to the alert so it is never lost.
  function apply(err, shown = () => true) {
    const field = err && err.status === 400 ? err.field : ''
    if (field && field in errors && shown(field)) {
      errors[field] = err.detail || err.title
    } else {
      problem.value = err
    }
  }

  return { errors, problem, clear, apply }
}
