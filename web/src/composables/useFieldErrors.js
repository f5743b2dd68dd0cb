// Server-side form errors: a problem naming a `field` (400 invalid-argument, or 409 conflict
// such as a name that is taken) shown by the form item of that field (el-form-item :error),
// anything else shown as one alert above the form.
import { reactive, shallowRef } from 'vue'

// The problems that are about what was typed into one field.
export function fieldOf(err) {
  return err && (err.status === 400 || err.status === 409 || err.status === 422) ? err.field || '' : ''
}

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
    const field = fieldOf(err)
    if (field && field in errors && shown(field)) {
      errors[field] = err.detail || err.title
    } else {
      problem.value = err
    }
  }

  return { errors, problem, clear, apply }
}
