/** Texts of signing in, merged into the app's messages by src/i18n. */
export const authMessages = {
  'zh-CN': {
    auth: {
      login: {
        title: '登录',
        subtitle: '城市运行管理平台',
        username: '用户名',
        password: '密码',
        submit: '登录',
        submitting: '正在登录…',
        signedInAs: '当前已登录：{username}（{role}）',
        signOut: '退出登录',
        continue: '继续',
        kioskHint: '无人值守的大屏请使用管理员生成的只读链接。',
      },
      errors: {
        credentials: '用户名或密码错误。',
        throttled: '登录失败次数过多，请 {seconds} 秒后再试。',
        throttledSoon: '登录失败次数过多，请稍后再试。',
        invalid: '请输入用户名和密码。',
        network: '无法连接服务器，请检查网络后重试。',
        server: '服务器出错，请稍后再试。',
        forbidden: '当前账号无权打开该页面，请使用有权限的账号登录。',
        expired: '登录已失效，请重新登录。',
      },
      roles: {
        operator: '值班员',
        dispatcher: '调度员',
        manager: '管理者',
        admin: '系统管理员',
      },
    },
  },
  en: {
    auth: {
      login: {
        title: 'Sign in',
        subtitle: 'City Operations',
        username: 'Username',
        password: 'Password',
        submit: 'Sign in',
        submitting: 'Signing in…',
        signedInAs: 'Signed in as {username} ({role})',
        signOut: 'Sign out',
        continue: 'Continue',
        kioskHint: 'For an unattended wall screen, use a read-only link from an administrator.',
      },
      errors: {
        credentials: 'Wrong username or password.',
        throttled: 'Too many failed attempts. Try again in {seconds} s.',
        throttledSoon: 'Too many failed attempts. Try again shortly.',
        invalid: 'Enter your username and password.',
        network: 'Cannot reach the server. Check the network and try again.',
        server: 'The server had a problem. Try again shortly.',
        forbidden: 'This account may not open that page. Sign in with an account that may.',
        expired: 'Your session has ended. Sign in again.',
      },
      roles: {
        operator: 'Operator',
        dispatcher: 'Dispatcher',
        manager: 'Manager',
        admin: 'Administrator',
      },
    },
  },
};
